using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Notifications;

/// <summary>The emails of workshop funding and recognition.</summary>
public sealed partial class EmailNotifications
{
    /// <summary>An admin's decision on an application (awarded, declined or sent back), with the note.</summary>
    public void FundingDecided(Rig rig, IEnumerable<string> leaders, FundingCall call, FundingApplication application)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(application);
        var link = urls.Action("Application", "Funding", new { id = application.Id });
        var (subject, body) = application.Status switch
        {
            FundingStatus.Awarded => ($"{rig.Name} is awarded {Funding.Dollars(application.AmountAwarded ?? 0)}",
                $"<p>ACR awarded <strong>{Html(rig.Name)}</strong> {Funding.Dollars(application.AmountAwarded ?? 0)} from \"{Html(call.Title)}\" for {Html(application.Event?.Title ?? "your event")}.</p>" +
                $"<p>After the event, please file a short report (how many came, what happened, photos if you like) within {Funding.ReportDueDays} days.</p>"),
            FundingStatus.Declined => ($"Your application to \"{call.Title}\"",
                $"<p>ACR could not fund the application of <strong>{Html(rig.Name)}</strong> to \"{Html(call.Title)}\".</p>"),
            _ => ($"Changes requested: your application to \"{call.Title}\"",
                $"<p>ACR asks <strong>{Html(rig.Name)}</strong> to change its application to \"{Html(call.Title)}\" and submit it again.</p>"),
        };
        var html = body + Note("ACR's note", application.DecisionNote) + $"<p><a href=\"{Html(link)}\">Open the application</a></p>";
        ToEach(leaders, EmailPurpose.FundingDecision, subject, html, rig.Id);
    }

    /// <summary>The RIG was chosen for an award: its leaders hear first.</summary>
    public void AwardWon(Rig rig, IEnumerable<string> leaders, Award award)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(award);
        var profile = urls.Action("Show", "Rigs", new { slug = rig.Slug });
        var html = $"<p>Congratulations: <strong>{Html(rig.Name)}</strong> is chosen for <strong>{Html(award.Title)}</strong> by the ACR Medical Student Section.</p>" +
            $"<p>The award now shows on <a href=\"{Html(profile)}\">your RIG's profile</a> and in the directory.</p>";
        ToEach(leaders, EmailPurpose.AwardWon, $"{rig.Name}: {award.Title}", html, rig.Id);
    }
}
