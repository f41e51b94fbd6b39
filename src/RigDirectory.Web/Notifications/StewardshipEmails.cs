using System.Globalization;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Notifications;

/// <summary>The emails that keep the directory current: yearly verification, succession, unclaimed RIGs and claims.</summary>
public sealed partial class EmailNotifications
{
    /// <summary>The 11- or 12-month reminder: one click says "still active", a second link opens the profile to review.</summary>
    public void VerificationReminder(Rig rig, IEnumerable<string> leaders, string token, bool last, DateTime staleFrom)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var confirm = urls.Action("Show", "Verification", new { token });
        var review = urls.Action("Edit", "EditRig", new { id = rig.Id });
        var subject = last ? $"Last reminder: is {rig.Name} still active?" : $"Is {rig.Name} still active?";
        var html = $"<p>Once a year we ask each RIG's leaders to confirm their group is still running, so students can trust the directory. <strong>{Html(rig.Name)}</strong> was last confirmed a year ago.</p>" +
            $"<p><a href=\"{Html(confirm)}\">Yes, {Html(rig.Name)} is still active</a> (one click; no sign-in needed; the link works for {Stewardship.VerificationLinkDays} days).</p>" +
            $"<p>While you are at it, <a href=\"{Html(review)}\">review the profile</a>: meeting times, contact email, officers.</p>" +
            $"<p>Without a confirmation, from {staleFrom.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} the profile will say it has not been verified since its last confirmation.</p>";
        ToEach(leaders, EmailPurpose.VerificationReminder, subject, html, rig.Id);
    }

    /// <summary>From March: every officer graduates this year, so the leaders are asked to invite next year's before 1 July.</summary>
    public void SuccessionReminder(Rig rig, IEnumerable<string> leaders, int year)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var people = urls.Action("Index", "MyRigs");
        var html = $"<p>Every officer of <strong>{Html(rig.Name)}</strong> graduates in {year}. Officers' terms end on 1 July {year}; after that the RIG has no leaders until a student claims it.</p>" +
            $"<p>Please invite next year's leaders now, from <a href=\"{Html(people)}\">My RIGs</a> (\"Invite a co-leader\"), so that they can take over without a gap.</p>";
        ToEach(leaders, EmailPurpose.SuccessionReminder, $"Invite next year's leaders of {rig.Name}", html, rig.Id);
    }

    /// <summary>The last officer's term ended: the sponsors learn that a student at the school can claim the RIG.</summary>
    public void RigUnclaimed(Rig rig, IEnumerable<string> sponsors)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var profile = urls.Action("Show", "Rigs", new { slug = rig.Slug });
        var html = $"<p>The officers of <strong>{Html(rig.Name)}</strong> have graduated and none was left to lead it. Its profile now says it is looking for new leaders.</p>" +
            $"<p>A student at the school can claim it from <a href=\"{Html(profile)}\">its profile</a>; you will be asked to confirm them by email.</p>";
        ToEach(sponsors, EmailPurpose.RigUnclaimed, $"{rig.Name} is looking for new leaders", html, rig.Id);
    }

    /// <summary>A student claimed a RIG: its sponsor confirms, or not, that the student is at the school.</summary>
    public Task ClaimConfirmationAsync(Rig rig, RigClaim claim, string studentName, string studentEmail, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(claim);
        var link = urls.Action("Confirm", "Claims", new { token });
        var html = $"<p>A student asks to lead <strong>{Html(rig.Name)}</strong> at {Html(rig.School!.DisplayName)} as {Html(claim.Position)}, class of {claim.GraduationYear.ToString(CultureInfo.InvariantCulture)}. You are named as its faculty sponsor.</p>" +
            Quoted("Their name, as they gave it", studentName) +
            $"<p>If they are a student at the school you are happy to see lead it, please confirm within {Stewardship.ClaimConfirmationDays} days: <a href=\"{Html(link)}\">Confirm this student</a>. ACR reviews the claim either way; if you do not know them, ignore this email.</p>" +
            Quoted("Their message", claim.Message) +
            $"<p>You can write to them at <a href=\"mailto:{Html(studentEmail)}\">{Html(studentEmail)}</a>.</p>";
        return QueueAsync(new Email(EmailPurpose.ClaimConfirmation, claim.SponsorEmail, $"Please confirm a new leader for {rig.Name}", html, rig.Id), cancellationToken);
    }

    /// <summary>The student learns ACR's decision on their claim, with the note.</summary>
    public void ClaimDecided(string studentEmail, Rig rig, bool approved, string? note)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var body = approved
            ? $"<p>ACR approved your claim: you now lead <strong>{Html(rig.Name)}</strong>. Keep its profile current and invite co-leaders from <a href=\"{Html(urls.Action("Index", "MyRigs"))}\">My RIGs</a>.</p>"
            : $"<p>ACR did not approve your claim to lead <strong>{Html(rig.Name)}</strong>.</p>";
        var html = body + (string.IsNullOrWhiteSpace(note) ? "" : $"<p>ACR's note:</p><blockquote>{Html(note.Trim())}</blockquote>");
        outbox.Enqueue(new Email(EmailPurpose.ClaimDecision, studentEmail, approved ? $"You now lead {rig.Name}" : $"Your claim to lead {rig.Name}", html, rig.Id));
    }

    /// <summary>One email to each distinct address (blank ones skipped), all about the same RIG.</summary>
    private void ToEach(IEnumerable<string> recipients, EmailPurpose purpose, string subject, string html, int rigId)
    {
        foreach (var to in recipients.Where(r => !string.IsNullOrEmpty(r)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            outbox.Enqueue(new Email(purpose, to, subject, html, rigId));
        }
    }
}
