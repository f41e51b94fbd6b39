using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RigDirectory.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ApprovalIsNotVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Approval used to stamp "verified" with the submission time; only the leaders' own confirmation is one.
            migrationBuilder.Sql("""
                UPDATE [Rigs] SET [LastVerifiedAt] = NULL WHERE [LastVerifiedAt] = [SubmittedAt] AND NOT EXISTS (SELECT 1 FROM [AuditEntries] AS [a] WHERE [a].[RigId] = [Rigs].[Id] AND [a].[Action] = N'Verified');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to restore: an approval date is no verification.
        }
    }
}
