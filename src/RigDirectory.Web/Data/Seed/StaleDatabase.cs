namespace RigDirectory.Web.Data.Seed;

/// <summary>
/// A database whose history names migrations this build does not have: one made in development before the
/// migrations were squashed into one <c>Initial</c> per provider (December 2026). It cannot be upgraded; the
/// developer deletes it and the next start creates it again.
/// </summary>
public sealed class StaleDatabaseException(string message) : InvalidOperationException(message);

public static class StaleDatabase
{
    public static void ThrowIfUnknown(IEnumerable<string> applied, IReadOnlyCollection<string> known, string? dataSource)
    {
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var howToDelete = dataSource is { Length: > 0 } file && file.EndsWith(".db", StringComparison.OrdinalIgnoreCase)
            ? $"rm '{file}'*"
            : "drop the database named in ConnectionStrings";
        throw new StaleDatabaseException(
            $"This database was made by an earlier build: it records {unknown.Count} migration(s) this build does not have " +
            $"(first '{unknown[0]}'). The migrations were squashed into one 'Initial' per provider before the first release, " +
            $"so a development database made before that cannot be upgraded. Delete it ({howToDelete}) and start the app " +
            "again: it is created and seeded anew.");
    }
}
