using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Notifications;

/// <summary>
/// Every email the app sends, composed in one place with every link built from the public base URL (a forged Host
/// header can never turn them into links to another site), and queued in the outbox. RIG emails join the
/// caller's unit of work; account emails follow a change Identity has already saved, so they are saved at once.
/// An email sent because someone acted, to an address they typed or a person they picked, first passes its
/// <see cref="MailFlow"/>'s limits (<see cref="MailQuota"/>), and what they typed (their name, their message) is
/// quoted below a sentence the app writes, never first.
/// </summary>
public sealed partial class EmailNotifications(AppDbContext db, Outbox outbox, MailQuota quota, UserManager<ApplicationUser> users, PublicUrls urls)
{
    public const int InvitationDays = 14;
    public const int SponsorConfirmationDays = 30;

    public Task SponsorRequestAsync(string inviter, Rig rig, FacultySponsor sponsor, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(sponsor);
        var link = urls.Action("Confirm", "Sponsor", new { token });
        return QueueAsync(new Email(EmailPurpose.SponsorConfirmation, sponsor.Email, $"Please confirm you sponsor {rig.Name}",
            $"<p>You are named as the faculty sponsor of <strong>{Html(rig.Name)}</strong> at {Html(rig.School!.DisplayName)}, a radiology interest group registering with the ACR Medical Student Section.</p>" +
            Quoted("The student who named you gave their name as", inviter) +
            $"<p>If that is right, please confirm it within {SponsorConfirmationDays} days:</p><p><a href=\"{Html(link)}\">Confirm I sponsor this RIG</a></p>" +
            "<p>If you did not agree to sponsor it, ignore this email.</p>", rig.Id), cancellationToken);
    }

    public Task InvitationAsync(string inviter, Rig rig, OfficerInvitation invitation, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(invitation);
        var link = urls.Action("Accept", "Invitation", new { token });
        return QueueAsync(new Email(EmailPurpose.OfficerInvitation, invitation.Email, $"Join {rig.Name} as {invitation.Position}",
            $"<p>You are invited to lead <strong>{Html(rig.Name)}</strong> at {Html(rig.School!.DisplayName)} as {Html(invitation.Position)}.</p>" +
            Quoted("The leader who invited you gave their name as", inviter) +
            $"<p>Accept within {InvitationDays} days (you will be asked to sign in or create an account):</p><p><a href=\"{Html(link)}\">Accept the invitation</a></p>", rig.Id), cancellationToken);
    }

    /// <summary>
    /// A student's message to the starters of a RIG being registered, relayed so that the starters' addresses stay
    /// private; the student chose to share theirs so that the starters can reply.
    /// </summary>
    public async Task StarterMessageAsync(string studentName, string studentEmail, Rig rig, IEnumerable<string> starters, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(message);
        var html = $"<p>A student who found <strong>{Html(rig.Name)}</strong> on RigDirectory while it is being registered wrote to you.</p>" +
            Quoted("Their name, as they gave it", studentName) + Quoted("Their message", message) +
            $"<p>Reply to them at <a href=\"mailto:{Html(studentEmail)}\">{Html(studentEmail)}</a>. To make them a co-leader, invite them from <a href=\"{Html(urls.Action("Index", "MyRigs"))}\">My RIGs</a>.</p>" +
            "<p>RigDirectory passed this message on without showing them your email address.</p>";
        foreach (var to in starters.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await QueueAsync(new Email(EmailPurpose.StarterMessage, to, $"A student would like to join {rig.Name}", html, rig.Id), cancellationToken);
        }
    }

    /// <summary>The leaders learn a reviewer's decision on their registration, with the reviewer's note.</summary>
    public void RegistrationDecided(Rig rig, IEnumerable<string> leaders, RigStatus decision, string? note)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var (subject, body) = decision switch
        {
            RigStatus.Approved => ($"{rig.Name} is approved", $"<p>ACR approved <strong>{Html(rig.Name)}</strong>. It is now in the directory, and you can keep it current from My RIGs.</p>"),
            RigStatus.ChangesRequested => ($"Changes requested for {rig.Name}", $"<p>ACR asked for changes to the registration of <strong>{Html(rig.Name)}</strong>. Make them and submit again; nothing you entered is lost.</p>"),
            RigStatus.Archived => ($"{rig.Name} was archived", $"<p>ACR archived <strong>{Html(rig.Name)}</strong>: it no longer shows in the directory. If it is still running, reply to ACR and it can be restored.</p>"),
            RigStatus.Rejected => ($"{rig.Name} was not approved", $"<p>ACR did not approve the registration of <strong>{Html(rig.Name)}</strong>.</p>"),
            _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Leaders are emailed about reviewers' decisions only."),
        };
        ToLeaders(rig, leaders, EmailPurpose.RegistrationDecision, subject, body, note);
    }

    /// <summary>The leaders learn whether their new name or school was approved.</summary>
    public void ChangeDecided(Rig rig, IEnumerable<string> leaders, bool approved, string? note)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ToLeaders(rig, leaders, EmailPurpose.ChangeDecision,
            approved ? $"Change approved for {rig.Name}" : $"Change not approved for {rig.Name}",
            approved ? $"<p>ACR approved the change to <strong>{Html(rig.Name)}</strong>; the directory shows it now.</p>" : $"<p>ACR did not approve the change of name or school for <strong>{Html(rig.Name)}</strong>; the directory keeps the approved version.</p>",
            note);
    }

    /// <summary>The mentor learns ACR's decision on their offer (or that ACR stopped it), with the note.</summary>
    public void MentorDecided(string mentorEmail, MentorStatus decision, string? note)
    {
        var (subject, body) = decision switch
        {
            MentorStatus.Active => ("You are a RigDirectory mentor", "<p>ACR approved your offer to mentor. Students can now find you and ask; you will get an email for each request.</p>"),
            MentorStatus.ChangesRequested => ("Changes requested to your offer to mentor", "<p>ACR asked for changes to your offer to mentor. Edit it and offer again; nothing you entered is lost.</p>"),
            MentorStatus.Rejected => ("Your offer to mentor was not approved", "<p>ACR did not approve your offer to mentor.</p>"),
            MentorStatus.Deactivated => ("ACR stopped your mentoring on RigDirectory", "<p>ACR deactivated your mentor profile: students can no longer find or ask you, and your open requests and mentorships were closed.</p>"),
            _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Mentors are emailed about ACR's decisions only."),
        };
        outbox.Enqueue(new Email(EmailPurpose.MentorDecision, mentorEmail, subject,
            body + Note("ACR's note", note) + $"<p><a href=\"{Html(urls.Action("Index", "Mentoring"))}\">Open My mentoring</a></p>"));
    }

    /// <summary>A mentor learns a student asked them, with the student's message; the student's address stays private until they accept.</summary>
    public Task MentorshipRequestedAsync(string mentorEmail, string studentName, string school, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return QueueAsync(new Email(EmailPurpose.MentorshipRequest, mentorEmail, "A student asks you to mentor them",
            $"<p>A student at {Html(school)} asks you to be their mentor.</p>" + Quoted("Their name, as they gave it", studentName) + Quoted("Their message", message) +
            $"<p>Accept or decline within {MentoringRules.ExpiryDays} days; after that the request expires. If you accept, you both see each other's email.</p>" +
            $"<p><a href=\"{Html(urls.Action("Index", "Mentoring"))}\">Answer on My mentoring</a></p>"), cancellationToken);
    }

    /// <summary>The student learns the mentor's answer: on acceptance, the mentor's email and a first step.</summary>
    public void MentorshipAnswered(string studentEmail, string mentorName, string? mentorEmail, bool accepted, string? note)
    {
        var body = accepted
            ? $"<p>The mentor you asked, {Html(mentorName)}, accepted your request. Write to them at <a href=\"mailto:{Html(mentorEmail ?? "")}\">{Html(mentorEmail ?? "")}</a>.</p><p>{Html(MentoringRules.FirstStep)}</p>"
            : $"<p>The mentor you asked, {Html(mentorName)}, cannot mentor you now.</p>" + Note("Their note", note) + $"<p>You may ask someone else: <a href=\"{Html(urls.Action("Index", "Mentors"))}\">find a mentor</a>.</p>";
        outbox.Enqueue(new Email(EmailPurpose.MentorshipDecision, studentEmail, accepted ? $"Your mentor request was accepted by {mentorName}" : $"Your mentor request was declined by {mentorName}", body +
            $"<p><a href=\"{Html(urls.Action("Index", "MyMentors"))}\">Open My mentors</a></p>"));
    }

    public void MentorshipExpired(string studentEmail, string mentorName) =>
        outbox.Enqueue(new Email(EmailPurpose.MentorshipExpired, studentEmail, $"Your request to {mentorName} expired",
            $"<p>The mentor you asked, {Html(mentorName)}, did not answer your request within {MentoringRules.ExpiryDays} days, so it has expired. It no longer counts toward your {MentoringRules.MaxOpenRequests} open requests.</p>" +
            $"<p>You may ask someone else: <a href=\"{Html(urls.Action("Index", "Mentors"))}\">find a mentor</a>.</p>"));

    /// <summary>One side of a mentorship learns that it ended (or that their request was closed because the mentor stopped).</summary>
    public void MentorshipEnded(string to, string subject, string what, string? note, bool toStudent) =>
        outbox.Enqueue(new Email(EmailPurpose.MentorshipEnded, to, subject,
            $"<p>{Html(what)}</p>" + Note("The note", note) +
            (toStudent ? $"<p>You may ask someone else: <a href=\"{Html(urls.Action("Index", "Mentors"))}\">find a mentor</a>.</p>" : $"<p><a href=\"{Html(urls.Action("Index", "Mentoring"))}\">Open My mentoring</a></p>")));

    /// <summary>A student registered, or joined the waitlist (at <paramref name="waitlistPosition"/>).</summary>
    public void EventRegistered(string to, Event e, int? waitlistPosition)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (subject, body) = waitlistPosition is { } position
            ? ($"You are on the waitlist for {e.Title}", $"<p>{Html(e.Title)} is full, so you are number {position} on its waitlist. If a seat frees up, it is yours and we will email you.</p>")
            : ($"You are registered for {e.Title}", $"<p>You have a seat at <strong>{Html(e.Title)}</strong>.</p>" + (e.IsOnline ? "<p>The join link is on the event's page while you are signed in, and we email it to you the day before.</p>" : ""));
        outbox.Enqueue(new Email(EmailPurpose.EventRegistration, to, subject, body + EventFooter(e), e.RigId));
    }

    /// <summary>The first student on the waitlist got the seat someone gave up.</summary>
    public void EventSeatGiven(string to, Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        outbox.Enqueue(new Email(EmailPurpose.EventSeatGiven, to, $"A seat opened up: you are registered for {e.Title}",
            $"<p>A seat at <strong>{Html(e.Title)}</strong> opened up and it is yours: you are registered. If you cannot come after all, cancel on the event's page so the next student gets it.</p>" + EventFooter(e), e.RigId));
    }

    /// <summary>The day before: the time again and, for an online event, the join link (sent only to those registered).</summary>
    public void EventReminder(string to, Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var join = e.IsOnline && !string.IsNullOrEmpty(e.JoinUrl) ? $"<p>Join online: <a href=\"{Html(e.JoinUrl)}\">{Html(e.JoinUrl)}</a> (this link is for you; please do not share it).</p>" : "";
        var place = e.Format != EventFormat.Virtual && !string.IsNullOrEmpty(e.Location) ? $"<p>Where: {Html(e.Location)}</p>" : "";
        outbox.Enqueue(new Email(EmailPurpose.EventReminder, to, $"Tomorrow: {e.Title}", $"<p>A reminder that <strong>{Html(e.Title)}</strong> is coming up.</p>" + place + join + EventFooter(e), e.RigId));
    }

    /// <summary>The event was cancelled, or its time or place changed, for everyone registered or waiting.</summary>
    public Task EventChangedAsync(string to, Event e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        return QueueAsync(new Email(EmailPurpose.EventChanged, to, $"Changed: {e.Title}",
            $"<p>The time or place of <strong>{Html(e.Title)}</strong> changed. Here is how it stands now.</p>" + EventFooter(e), e.RigId), cancellationToken);
    }

    /// <summary>A cancellation is told to everyone registered or waiting, always: an event is cancelled once.</summary>
    public void EventCancelled(string to, Event e, string? note)
    {
        ArgumentNullException.ThrowIfNull(e);
        outbox.Enqueue(new Email(EmailPurpose.EventChanged, to, $"Cancelled: {e.Title}",
            $"<p><strong>{Html(e.Title)}</strong> is cancelled.</p>" + Note("The hosts' note", note) + EventFooter(e), e.RigId));
    }

    /// <summary>The hosts learn ACR hid their event, and why.</summary>
    public void EventHidden(IEnumerable<string> hosts, Event e, string? note)
    {
        ArgumentNullException.ThrowIfNull(e);
        foreach (var host in hosts.Where(h => !string.IsNullOrEmpty(h)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            outbox.Enqueue(new Email(EmailPurpose.EventHidden, host, $"ACR hid {e.Title} from the directory",
                $"<p>ACR staff hid <strong>{Html(e.Title)}</strong>: it no longer shows on the directory, its lists or calendar feeds.</p>" + Note("Their note", note) +
                "<p>Reply to your region's contact if you have questions.</p>", e.RigId));
        }
    }

    private string EventFooter(Event e) =>
        $"<p>When: {Html(EventTimeZones.Describe(e.StartsAt, e.EndsAt, e.TimeZoneId))}</p><p><a href=\"{Html(urls.Action("Show", "Events", new { id = e.Id }))}\">Open the event</a></p>";

    private static string Note(string label, string? note) =>
        string.IsNullOrWhiteSpace(note) ? "" : $"<p>{Html(label)}:</p><blockquote>{Html(note.Trim())}</blockquote>";

    public async Task AccountConfirmationAsync(ApplicationUser user, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Token(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = urls.IdentityPage("/Account/ConfirmEmail", new { userId = user.Id, code, returnUrl });
        await QueueNowAsync(new Email(EmailPurpose.AccountConfirmation, user.Email!, "Confirm your RigDirectory account",
            "<p>Welcome to RigDirectory.</p>" +
            "<p>Confirm your email address to finish creating your account:</p>" +
            $"<p><a href=\"{Html(link)}\">Confirm my account</a></p>" +
            "<p>If you did not create this account, ignore this email.</p>"));
    }

    public async Task PasswordResetAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Token(await users.GeneratePasswordResetTokenAsync(user));
        var link = urls.IdentityPage("/Account/ResetPassword", new { code });
        await QueueNowAsync(new Email(EmailPurpose.PasswordReset, user.Email!, "Reset your RigDirectory password",
            "<p>Someone asked to reset the password of your RigDirectory account.</p>" +
            $"<p><a href=\"{Html(link)}\">Choose a new password</a></p>" +
            "<p>If it was not you, ignore this email: your password stays as it is.</p>"));
    }

    public async Task EmailChangeAsync(ApplicationUser user, string newEmail)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Token(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        var link = urls.IdentityPage("/Account/ConfirmEmailChange", new { userId = user.Id, email = newEmail, code });
        await QueueNowAsync(new Email(EmailPurpose.EmailChange, newEmail, "Confirm your new email address",
            "<p>Someone asked RigDirectory to use this address for their account. If it was you, confirm it:</p>" +
            $"<p><a href=\"{Html(link)}\">Use this email address</a></p>" +
            "<p>If you did not ask for this, ignore this email.</p>"));
    }

    /// <summary>
    /// Sent instead of telling a visitor that an address is taken: only the owner of the address learns that it
    /// already has an account.
    /// </summary>
    public Task AlreadyRegisteredAsync(string email)
    {
        var signIn = urls.IdentityPage("/Account/Login");
        var reset = urls.IdentityPage("/Account/ForgotPassword");
        return QueueNowAsync(new Email(EmailPurpose.AlreadyRegistered, email, "You already have a RigDirectory account",
            "<p>Someone tried to create a RigDirectory account with this email address, which already has one.</p>" +
            $"<p>If it was you, <a href=\"{Html(signIn)}\">sign in</a>, or <a href=\"{Html(reset)}\">reset your password</a> if you have forgotten it.</p>" +
            "<p>If it was not you, ignore this email: nothing has changed.</p>"));
    }

    /// <summary>Any other email (Identity's own pages, if one sends): queued and saved at once.</summary>
    public Task OtherAsync(string email, string subject, string html) => QueueNowAsync(new Email(EmailPurpose.Other, email, subject, html));

    private void ToLeaders(Rig rig, IEnumerable<string> leaders, EmailPurpose purpose, string subject, string body, string? note)
    {
        var link = urls.Action("Index", "MyRigs");
        var html = body + (string.IsNullOrWhiteSpace(note) ? "" : $"<p>The reviewer's note:</p><blockquote>{Html(note.Trim())}</blockquote>") + $"<p><a href=\"{Html(link)}\">Open My RIGs</a></p>";
        ToEach(leaders, purpose, subject, html, rig.Id);
    }

    /// <summary>Queues <paramref name="email"/> in the caller's unit of work once its flow's limits allow it (see <see cref="MailQuota.AllowsAsync"/>).</summary>
    private async Task QueueAsync(Email email, CancellationToken cancellationToken)
    {
        if (await quota.AllowsAsync(email.Purpose, email.To, email.RigId, cancellationToken))
        {
            outbox.Enqueue(email);
        }
    }

    private async Task QueueNowAsync(Email email)
    {
        if (await quota.AllowsAsync(email.Purpose, email.To, email.RigId, CancellationToken.None))
        {
            outbox.Enqueue(email);
            await db.SaveChangesAsync();
        }
    }

    /// <summary>What a user typed, as theirs: a label the app writes, then their words in a quote.</summary>
    private static string Quoted(string label, string typed) => $"<p>{Html(label)}:</p><blockquote>{Html(typed.Trim())}</blockquote>";

    private static string Token(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);
}

/// <summary>Identity's <see cref="Microsoft.AspNetCore.Identity.UI.Services.IEmailSender"/>, through the outbox like every other email.</summary>
public sealed class OutboxEmailSender(EmailNotifications notifications) : Microsoft.AspNetCore.Identity.UI.Services.IEmailSender
{
    public Task SendEmailAsync(string email, string subject, string htmlMessage) => notifications.OtherAsync(email, subject, htmlMessage);
}
