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

    public static string DisplayName(this EventFormat format) => format switch
    {
        EventFormat.InPerson => "in person",
        EventFormat.Virtual => "virtual",
        EventFormat.Hybrid => "hybrid (in person and online)",
        _ => format.ToString(),
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

    /// <summary>"ChangesRequested" → "Changes requested".</summary>
    public static string DisplayName(this AuditAction action)
    {
        var name = action.ToString();
        var words = System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ");
        return words[..1] + words[1..].ToLowerInvariant();
    }
}
