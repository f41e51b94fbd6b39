using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RigDirectory.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecurityControls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OfficerInvitations_RigId",
                table: "OfficerInvitations");

            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmationExpiresAt",
                table: "FacultySponsors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmationRequestedAt",
                table: "FacultySponsors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SecurityEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OfficerInvitations_Email_CreatedAt",
                table: "OfficerInvitations",
                columns: new[] { "Email", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OfficerInvitations_RigId_CreatedAt",
                table: "OfficerInvitations",
                columns: new[] { "RigId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FacultySponsors_Email_ConfirmationRequestedAt",
                table: "FacultySponsors",
                columns: new[] { "Email", "ConfirmationRequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_OccurredAt",
                table: "SecurityEvents",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_UserId_OccurredAt",
                table: "SecurityEvents",
                columns: new[] { "UserId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SecurityEvents");

            migrationBuilder.DropIndex(
                name: "IX_OfficerInvitations_Email_CreatedAt",
                table: "OfficerInvitations");

            migrationBuilder.DropIndex(
                name: "IX_OfficerInvitations_RigId_CreatedAt",
                table: "OfficerInvitations");

            migrationBuilder.DropIndex(
                name: "IX_FacultySponsors_Email_ConfirmationRequestedAt",
                table: "FacultySponsors");

            migrationBuilder.DropColumn(
                name: "ConfirmationExpiresAt",
                table: "FacultySponsors");

            migrationBuilder.DropColumn(
                name: "ConfirmationRequestedAt",
                table: "FacultySponsors");

            migrationBuilder.CreateIndex(
                name: "IX_OfficerInvitations_RigId",
                table: "OfficerInvitations",
                column: "RigId");
        }
    }
}
