using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RigDirectory.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PendingRigChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ChangeRequestedAt",
                table: "Rigs",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingName",
                table: "Rigs",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PendingSchoolId",
                table: "Rigs",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rigs_ChangeRequestedAt",
                table: "Rigs",
                column: "ChangeRequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Rigs_PendingSchoolId",
                table: "Rigs",
                column: "PendingSchoolId");

            migrationBuilder.AddForeignKey(
                name: "FK_Rigs_Schools_PendingSchoolId",
                table: "Rigs",
                column: "PendingSchoolId",
                principalTable: "Schools",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Rigs_Schools_PendingSchoolId",
                table: "Rigs");

            migrationBuilder.DropIndex(
                name: "IX_Rigs_ChangeRequestedAt",
                table: "Rigs");

            migrationBuilder.DropIndex(
                name: "IX_Rigs_PendingSchoolId",
                table: "Rigs");

            migrationBuilder.DropColumn(
                name: "ChangeRequestedAt",
                table: "Rigs");

            migrationBuilder.DropColumn(
                name: "PendingName",
                table: "Rigs");

            migrationBuilder.DropColumn(
                name: "PendingSchoolId",
                table: "Rigs");
        }
    }
}
