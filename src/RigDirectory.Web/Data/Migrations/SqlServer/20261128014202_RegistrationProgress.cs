using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RigDirectory.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RegistrationProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows that exist already are past the wizard, so they default to its last step.
            migrationBuilder.AddColumn<string>(
                name: "CreatedByUserId",
                table: "Rigs",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegistrationStep",
                table: "Rigs",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Review");

            migrationBuilder.CreateIndex(
                name: "IX_Rigs_CreatedByUserId",
                table: "Rigs",
                column: "CreatedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rigs_CreatedByUserId",
                table: "Rigs");

            migrationBuilder.DropColumn(
                name: "CreatedByUserId",
                table: "Rigs");

            migrationBuilder.DropColumn(
                name: "RegistrationStep",
                table: "Rigs");
        }
    }
}
