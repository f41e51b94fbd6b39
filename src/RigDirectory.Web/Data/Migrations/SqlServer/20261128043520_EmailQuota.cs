using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RigDirectory.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EmailQuota : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmailQuota",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RigId = table.Column<int>(type: "int", nullable: false),
                    Recipient = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmailQuota");
        }
    }
}
