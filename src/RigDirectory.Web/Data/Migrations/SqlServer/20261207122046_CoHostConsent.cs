using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RigDirectory.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CoHostConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AcceptedAt",
                table: "EventCoHosts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "InvitedAt",
                table: "EventCoHosts",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Co-hosts named before consent existed were never asked: they are invitations now (AcceptedAt null), as
            // of the event's creation, and show on the named RIG's pages once its leaders accept.
            migrationBuilder.Sql("UPDATE c SET c.InvitedAt = e.CreatedAt FROM EventCoHosts c JOIN Events e ON e.Id = c.EventId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcceptedAt",
                table: "EventCoHosts");

            migrationBuilder.DropColumn(
                name: "InvitedAt",
                table: "EventCoHosts");
        }
    }
}
