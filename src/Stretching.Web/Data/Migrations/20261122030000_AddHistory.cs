using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stretching.Web.Data.Migrations;

/// <summary>
/// Each person's played sessions, keyed by the id the player made so a replay stores nothing twice,
/// and the exercises they brought back after marking them as hurting.
/// </summary>
[DbContext(typeof(StretchingDbContext))]
[Migration("20261122030000_AddHistory")]
public sealed class AddHistory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SessionRecords",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                Id = table.Column<string>(maxLength: 36, nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                FinishedAt = table.Column<DateTime>(nullable: false),
                TimeZone = table.Column<string>(maxLength: 64, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                OccurrenceId = table.Column<string>(maxLength: 48, nullable: true),
                PainBefore = table.Column<int>(nullable: true),
                PainAfter = table.Column<int>(nullable: true),
                Ease = table.Column<int>(nullable: true),
                Input = table.Column<string>(nullable: false),
                Snapshot = table.Column<string>(nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                ReceivedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SessionRecords", x => new { x.UserId, x.Id });
                table.ForeignKey(
                    name: "FK_SessionRecords_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_SessionRecords_UserId_StartedAt", table: "SessionRecords", columns: ["UserId", "StartedAt"]);

        migrationBuilder.CreateTable(
            name: "ExerciseReturns",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                Slug = table.Column<string>(maxLength: 100, nullable: false),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ExerciseReturns", x => new { x.UserId, x.Slug });
                table.ForeignKey(
                    name: "FK_ExerciseReturns_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ExerciseReturns");
        migrationBuilder.DropTable(name: "SessionRecords");
    }
}
