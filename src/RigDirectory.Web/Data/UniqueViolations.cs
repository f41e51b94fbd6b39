using Microsoft.EntityFrameworkCore;

namespace RigDirectory.Web.Data;

/// <summary>
/// Which unique index a failed save broke, read from the provider's message: SQL Server names the index, SQLite
/// its table and columns. Lets an owner turn a lost race into the refusal it would have given had it come second.
/// </summary>
public static class UniqueViolations
{
    public const string OneLiveRigPerSchool = "IX_Rigs_OneLiveRigPerSchool";

    public static bool IsOneLiveRigPerSchool(DbUpdateException exception) => Broke(exception, OneLiveRigPerSchool, "Rigs.SchoolId");

    private static bool Broke(DbUpdateException exception, string index, string sqliteColumns)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.InnerException?.Message ?? "";
        return message.Contains(index, StringComparison.Ordinal) ||
            message.Contains($"UNIQUE constraint failed: {sqliteColumns}", StringComparison.Ordinal);
    }
}
