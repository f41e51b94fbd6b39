namespace RigDirectory.Web.Domain;

/// <summary>What a registration needs before it can be submitted.</summary>
public static class RegistrationRules
{
    /// <summary>What still stops a registration from being submitted, in words the leader can act on.</summary>
    public static IReadOnlyList<string> MissingForSubmission(Rig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var missing = new List<string>();
        if (rig.Sponsors.Count == 0)
        {
            missing.Add("Add at least one faculty sponsor.");
        }

        if (!rig.Officers.Any(o => o.EndedAt == null))
        {
            missing.Add("Say which position you hold and when you expect to graduate.");
        }

        if (string.IsNullOrWhiteSpace(rig.Description) || string.IsNullOrWhiteSpace(rig.ContactEmail))
        {
            missing.Add("Describe the RIG and give its contact email.");
        }

        if (rig.Events.Count == 0)
        {
            missing.Add("Plan the first event.");
        }

        return missing;
    }
}
