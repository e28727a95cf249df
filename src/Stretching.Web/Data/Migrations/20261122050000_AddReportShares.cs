using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stretching.Web.Data.Migrations;

/// <summary>Read-only links to a period's report, each found by the hash of its token.</summary>
[DbContext(typeof(StretchingDbContext))]
[Migration("20261122050000_AddReportShares")]
public sealed class AddReportShares : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReportShares",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                Id = table.Column<string>(maxLength: 16, nullable: false),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportShares", x => new { x.UserId, x.Id });
                table.ForeignKey(
                    name: "FK_ReportShares_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_ReportShares_TokenHash", table: "ReportShares", column: "TokenHash", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "ReportShares");
}
