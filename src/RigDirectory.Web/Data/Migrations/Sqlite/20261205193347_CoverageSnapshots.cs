using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RigDirectory.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoverageSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoverageSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Schools = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolsWithRig = table.Column<int>(type: "INTEGER", nullable: false),
                    Rigs = table.Column<int>(type: "INTEGER", nullable: false),
                    VerifiedWithinYear = table.Column<int>(type: "INTEGER", nullable: false),
                    NoOfficerAfterThisYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Mentors = table.Column<int>(type: "INTEGER", nullable: false),
                    UpcomingEvents = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoverageSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoverageSnapshots_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoverageSnapshots_Month_RegionId",
                table: "CoverageSnapshots",
                columns: new[] { "Month", "RegionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoverageSnapshots_RegionId",
                table: "CoverageSnapshots",
                column: "RegionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoverageSnapshots");
        }
    }
}
