namespace RigDirectory.Web.Domain;

/// <summary>How enum values read to a person.</summary>
public static class DisplayNames
{
    public static string DisplayName(this RigStatus status) => status switch
    {
        RigStatus.Draft => "Draft",
        RigStatus.Submitted => "Submitted",
        RigStatus.ChangesRequested => "Changes requested",
        RigStatus.Approved => "Approved",
        RigStatus.Rejected => "Rejected",
        RigStatus.Archived => "Archived",
        _ => status.ToString(),
    };

    public static string DisplayName(this FundingStatus status) => status switch
    {
        FundingStatus.Draft => "Draft",
        FundingStatus.Submitted => "Submitted",
        FundingStatus.ChangesRequested => "Changes requested",
        FundingStatus.Awarded => "Awarded",
        FundingStatus.Declined => "Declined",
        _ => status.ToString(),
    };

    public static string DisplayName(this EventFormat format) => format switch
    {
        EventFormat.InPerson => "in person",
        EventFormat.Virtual => "virtual",
        EventFormat.Hybrid => "hybrid (in person and online)",
        _ => format.ToString(),
    };

    public static string DisplayName(this EventType type) => type switch
    {
        EventType.Talk => "Talk",
        EventType.Workshop => "Hands-on workshop",
        EventType.ShadowingDay => "Shadowing day",
        EventType.JournalClub => "Journal club",
        EventType.JointSession => "Joint session",
        EventType.Social => "Social",
        EventType.ResidencyPanel => "Residency panel",
        EventType.Other => "Other",
        EventType.NetworkingConference => "Virtual networking conference",
        _ => type.ToString(),
    };

    /// <summary>The kinds of event a RIG hosts (conferences are ACR's).</summary>
    public static readonly IReadOnlyList<EventType> RigEventTypes = [.. Enum.GetValues<EventType>().Where(t => t != EventType.NetworkingConference)];

    public static string DisplayName(this RegistrationStatus status) => status switch
    {
        RegistrationStatus.Registered => "Registered",
        RegistrationStatus.Waitlisted => "On the waitlist",
        RegistrationStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    /// <summary>The wizard's name of a step, as its progress line shows it.</summary>
    public static string DisplayName(this RegistrationStep step) => step switch
    {
        RegistrationStep.School => "School",
        RegistrationStep.Sponsors => "Faculty sponsor",
        RegistrationStep.Officers => "Officers",
        RegistrationStep.Details => "The RIG and its first event",
        RegistrationStep.Review => "Review and submit",
        _ => step.ToString(),
    };

    public static string DisplayName(this ResourceKind kind) => kind switch
    {
        ResourceKind.Toolkit => "Toolkit",
        ResourceKind.Guide => "Guide",
        ResourceKind.Template => "Template",
        ResourceKind.SlideDeck => "Slide deck",
        ResourceKind.RecordedTalk => "Recorded talk",
        _ => kind.ToString(),
    };

    public static string DisplayName(this ResourceAudience audience) => audience switch
    {
        ResourceAudience.Everyone => "everyone",
        ResourceAudience.SignedIn => "signed-in users",
        ResourceAudience.RigLeaders => "RIG leaders",
        _ => audience.ToString(),
    };

    /// <summary>"ChangesRequested" → "Changes requested".</summary>
    public static string DisplayName(this AuditAction action)
    {
        var name = action.ToString();
        var words = System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ");
        return words[..1] + words[1..].ToLowerInvariant();
    }
}
