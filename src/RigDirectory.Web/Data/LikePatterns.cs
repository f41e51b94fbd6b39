namespace RigDirectory.Web.Data;

/// <summary>Patterns for <c>EF.Functions.Like</c> from what a curator typed, the same on SQLite and SQL Server.</summary>
public static class LikePatterns
{
    /// <summary>The escape character to pass with <see cref="Containing"/>'s patterns.</summary>
    public const string Escape = "\\";

    /// <summary>"%text%", with the pattern's own wildcards escaped so that "100%" finds "100%".</summary>
    public static string Containing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }
}
