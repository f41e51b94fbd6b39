using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RigDirectory.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Mentoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MentorProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Offers = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Bio = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveMentees = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentorProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MentorProfiles_Jurisdictions_JurisdictionCode",
                        column: x => x.JurisdictionCode,
                        principalTable: "Jurisdictions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Subspecialties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subspecialties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mentorships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MentorId = table.Column<int>(type: "INTEGER", nullable: false),
                    StudentUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StudentSchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mentorships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mentorships_AspNetUsers_StudentUserId",
                        column: x => x.StudentUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Mentorships_MentorProfiles_MentorId",
                        column: x => x.MentorId,
                        principalTable: "MentorProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Mentorships_Schools_StudentSchoolId",
                        column: x => x.StudentSchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RigMentors",
                columns: table => new
                {
                    RigId = table.Column<int>(type: "INTEGER", nullable: false),
                    MentorId = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RigMentors", x => new { x.RigId, x.MentorId });
                    table.ForeignKey(
                        name: "FK_RigMentors_MentorProfiles_MentorId",
                        column: x => x.MentorId,
                        principalTable: "MentorProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RigMentors_Rigs_RigId",
                        column: x => x.RigId,
                        principalTable: "Rigs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentorSubspecialties",
                columns: table => new
                {
                    MentorsId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubspecialtiesId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorSubspecialties", x => new { x.MentorsId, x.SubspecialtiesId });
                    table.ForeignKey(
                        name: "FK_MentorSubspecialties_MentorProfiles_MentorsId",
                        column: x => x.MentorsId,
                        principalTable: "MentorProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MentorSubspecialties_Subspecialties_SubspecialtiesId",
                        column: x => x.SubspecialtiesId,
                        principalTable: "Subspecialties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentorshipReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MentorshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorshipReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentorshipReports_AspNetUsers_ReporterUserId",
                        column: x => x.ReporterUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_MentorshipReports_Mentorships_MentorshipId",
                        column: x => x.MentorshipId,
                        principalTable: "Mentorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MentorProfiles_IsDemo",
                table: "MentorProfiles",
                column: "IsDemo");

            migrationBuilder.CreateIndex(
                name: "IX_MentorProfiles_JurisdictionCode",
                table: "MentorProfiles",
                column: "JurisdictionCode");

            migrationBuilder.CreateIndex(
                name: "IX_MentorProfiles_Status_ApprovedAt_ActiveMentees_Capacity",
                table: "MentorProfiles",
                columns: new[] { "Status", "ApprovedAt", "ActiveMentees", "Capacity" });

            migrationBuilder.CreateIndex(
                name: "IX_MentorProfiles_Status_Latitude_Longitude_ActiveMentees_Capacity",
                table: "MentorProfiles",
                columns: new[] { "Status", "Latitude", "Longitude", "ActiveMentees", "Capacity" });

            migrationBuilder.CreateIndex(
                name: "IX_MentorProfiles_Status_SubmittedAt",
                table: "MentorProfiles",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MentorProfiles_UserId",
                table: "MentorProfiles",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentorshipReports_MentorshipId",
                table: "MentorshipReports",
                column: "MentorshipId");

            migrationBuilder.CreateIndex(
                name: "IX_MentorshipReports_ReporterUserId",
                table: "MentorshipReports",
                column: "ReporterUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MentorshipReports_ResolvedAt_CreatedAt",
                table: "MentorshipReports",
                columns: new[] { "ResolvedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Mentorships_CreatedAt",
                table: "Mentorships",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Mentorships_IsDemo",
                table: "Mentorships",
                column: "IsDemo");

            migrationBuilder.CreateIndex(
                name: "IX_Mentorships_MentorId_Status",
                table: "Mentorships",
                columns: new[] { "MentorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Mentorships_Status_ExpiresAt",
                table: "Mentorships",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Mentorships_StudentSchoolId",
                table: "Mentorships",
                column: "StudentSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Mentorships_StudentUserId_Status",
                table: "Mentorships",
                columns: new[] { "StudentUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MentorSubspecialties_SubspecialtiesId",
                table: "MentorSubspecialties",
                column: "SubspecialtiesId");

            migrationBuilder.CreateIndex(
                name: "IX_RigMentors_MentorId",
                table: "RigMentors",
                column: "MentorId");

            migrationBuilder.CreateIndex(
                name: "IX_Subspecialties_Slug",
                table: "Subspecialties",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MentorshipReports");

            migrationBuilder.DropTable(
                name: "MentorSubspecialties");

            migrationBuilder.DropTable(
                name: "RigMentors");

            migrationBuilder.DropTable(
                name: "Mentorships");

            migrationBuilder.DropTable(
                name: "Subspecialties");

            migrationBuilder.DropTable(
                name: "MentorProfiles");
        }
    }
}
