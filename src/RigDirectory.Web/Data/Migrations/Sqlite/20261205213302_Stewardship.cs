using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RigDirectory.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Stewardship : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SuccessionRemindedYear",
                table: "Rigs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VerificationRemindersSent",
                table: "Rigs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "RigClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RigId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    GraduationYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SponsorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SponsorEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SponsorTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SponsorTokenExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SponsorConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RigClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RigClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RigClaims_Rigs_RigId",
                        column: x => x.RigId,
                        principalTable: "Rigs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RigVerificationLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RigId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RigVerificationLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RigVerificationLinks_Rigs_RigId",
                        column: x => x.RigId,
                        principalTable: "Rigs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserId_OccurredAt",
                table: "AuditEntries",
                columns: new[] { "UserId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RigClaims_RigId_UserId",
                table: "RigClaims",
                columns: new[] { "RigId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_RigClaims_SponsorTokenHash",
                table: "RigClaims",
                column: "SponsorTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RigClaims_Status_CreatedAt",
                table: "RigClaims",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RigClaims_UserId",
                table: "RigClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_RigVerificationLinks_RigId",
                table: "RigVerificationLinks",
                column: "RigId");

            migrationBuilder.CreateIndex(
                name: "IX_RigVerificationLinks_TokenHash",
                table: "RigVerificationLinks",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RigClaims");

            migrationBuilder.DropTable(
                name: "RigVerificationLinks");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_UserId_OccurredAt",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "SuccessionRemindedYear",
                table: "Rigs");

            migrationBuilder.DropColumn(
                name: "VerificationRemindersSent",
                table: "Rigs");
        }
    }
}
