using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RigDirectory.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneLiveRigPerSchool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A school held twice before the rule reached the database keeps one RIG: an approved one before one under
            // review, then the oldest. An approved duplicate is archived and one under review rejected, both kept: an
            // admin can restore an archived one once its school is free.
            migrationBuilder.Sql("""
                UPDATE Rigs SET Status = CASE WHEN Status = 'Approved' THEN 'Archived' ELSE 'Rejected' END
                WHERE Status IN ('Submitted', 'ChangesRequested', 'Approved')
                  AND EXISTS (
                    SELECT 1 FROM Rigs AS Other
                    WHERE Other.SchoolId = Rigs.SchoolId AND Other.Id <> Rigs.Id
                      AND Other.Status IN ('Submitted', 'ChangesRequested', 'Approved')
                      AND ((CASE WHEN Other.Status = 'Approved' THEN 1 ELSE 0 END) > (CASE WHEN Rigs.Status = 'Approved' THEN 1 ELSE 0 END)
                        OR ((CASE WHEN Other.Status = 'Approved' THEN 1 ELSE 0 END) = (CASE WHEN Rigs.Status = 'Approved' THEN 1 ELSE 0 END) AND Other.Id < Rigs.Id)))
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Rigs_OneLiveRigPerSchool",
                table: "Rigs",
                column: "SchoolId",
                unique: true,
                filter: "Status IN ('Submitted', 'ChangesRequested', 'Approved')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rigs_OneLiveRigPerSchool",
                table: "Rigs");
        }
    }
}
