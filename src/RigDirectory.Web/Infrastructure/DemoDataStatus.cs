namespace RigDirectory.Web.Infrastructure;

/// <summary>Whether the database holds demo rows, read once at start so the banner costs no query per page.</summary>
public sealed class DemoDataStatus
{
    public bool Present { get; set; }
}
