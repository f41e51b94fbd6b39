using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RigDirectory.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxAndTypedAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Review decisions were stored under the web form's words; the typed actions name what happened.
            migrationBuilder.Sql("UPDATE AuditEntries SET Action = 'Approved' WHERE Action = 'Approve'");
            migrationBuilder.Sql("UPDATE AuditEntries SET Action = 'ChangesRequested' WHERE Action = 'RequestChanges'");
            migrationBuilder.Sql("UPDATE AuditEntries SET Action = 'Rejected' WHERE Action = 'Reject'");
            // Region edits had their own { before: {…}, after: {…} } shape; every entry now has field → { before, after }.
            migrationBuilder.Sql("UPDATE AuditEntries SET Changes = json_object('Name', json_object('before', json_extract(Changes, '$.before.Name'), 'after', json_extract(Changes, '$.after.Name')), 'Description', json_object('before', json_extract(Changes, '$.before.Description'), 'after', json_extract(Changes, '$.after.Description'))) WHERE Action = 'RegionEdited' AND json_extract(Changes, '$.before') IS NOT NULL");

            migrationBuilder.DropTable(
                name: "EmailQuota");

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RigId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Recipient_CreatedAt",
                table: "OutboxMessages",
                columns: new[] { "Recipient", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_RigId_CreatedAt",
                table: "OutboxMessages",
                columns: new[] { "RigId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_FailedAt_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "FailedAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.CreateTable(
                name: "EmailQuota",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RigId = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailQuota", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmailQuota_Recipient_SentAt",
                table: "EmailQuota",
                columns: new[] { "Recipient", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailQuota_RigId_SentAt",
                table: "EmailQuota",
                columns: new[] { "RigId", "SentAt" });
        }
    }
}
