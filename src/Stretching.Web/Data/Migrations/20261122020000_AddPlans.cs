using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stretching.Web.Data.Migrations;

/// <summary>Each person's weekly plan: its settings and calendar feed hash, its slots, and one-off skips and moves.</summary>
[DbContext(typeof(StretchingDbContext))]
[Migration("20261122020000_AddPlans")]
public sealed class AddPlans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Plans",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                Goal = table.Column<string>(maxLength: 40, nullable: false),
                TimeZone = table.Column<string>(maxLength: 64, nullable: false),
                TrainingDays = table.Column<string>(nullable: false),
                AlarmMinutes = table.Column<int>(nullable: true),
                CalendarTokenHash = table.Column<string>(maxLength: 64, nullable: true),
                CalendarGeneration = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Plans", x => x.UserId);
                table.ForeignKey(
                    name: "FK_Plans_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PlanSlots",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                UserId = table.Column<string>(nullable: false),
                Day = table.Column<int>(nullable: false),
                Time = table.Column<string>(maxLength: 5, nullable: false),
                Play = table.Column<string>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanSlots", x => new { x.UserId, x.Id });
                table.ForeignKey(
                    name: "FK_PlanSlots_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PlanExceptions",
            columns: table => new
            {
                SlotId = table.Column<string>(maxLength: 32, nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                UserId = table.Column<string>(nullable: false),
                Skipped = table.Column<bool>(nullable: false),
                MovedToDate = table.Column<DateOnly>(nullable: true),
                MovedToTime = table.Column<string>(maxLength: 5, nullable: true),
                Sequence = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanExceptions", x => new { x.UserId, x.SlotId, x.Date });
                table.ForeignKey(
                    name: "FK_PlanExceptions_PlanSlots_UserId_SlotId",
                    columns: x => new { x.UserId, x.SlotId },
                    principalTable: "PlanSlots",
                    principalColumns: ["UserId", "Id"],
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_Plans_CalendarTokenHash", table: "Plans", column: "CalendarTokenHash", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PlanExceptions");
        migrationBuilder.DropTable(name: "PlanSlots");
        migrationBuilder.DropTable(name: "Plans");
    }
}
