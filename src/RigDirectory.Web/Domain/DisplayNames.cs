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
}
