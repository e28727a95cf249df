using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Stretching.Core.Catalog;
using Stretching.Core.Sessions;
using Stretching.Web.Catalog;
using Stretching.Web.Data;
using Stretching.Web.Extensions;
using Stretching.Web.History;
using Stretching.Web.Library;
using Stretching.Web.Planning;

// Seeds the benchmark's people into the database the app is configured with (the same settings:
// ConnectionStrings:Stretching, Database:Provider), through the app's own services, so what is stored
// is what the app would store: 10,000 people, one of them with two years of daily history and one
// with a week, both with a weekly plan. Run by bench/run; running it twice changes nothing.
//   dotnet Stretching.Bench.Seed.dll [people=10000]

var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var clock = Stopwatch.StartNew();

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
builder.AddApplicationServices();
var app = builder.Build();
await app.InitializeDatabaseAsync();

using (var scope = app.Services.CreateScope())
{
    var services = scope.ServiceProvider;
    var db = services.GetRequiredService<StretchingDbContext>();
    if (await db.Users.AnyAsync(u => u.Email == BenchPeople.TwoYears))
    {
        Console.WriteLine("already seeded");
        return;
    }
    await BenchPeople.AddOthersAsync(services, people - 2);
    Console.WriteLine($"{people - 2} people added ({clock.Elapsed.TotalSeconds:F1} s)");
}
foreach (var (email, days) in new[] { (BenchPeople.TwoYears, 730), (BenchPeople.OneWeek, 7) })
{
    using var scope = app.Services.CreateScope();
    var records = await BenchPeople.AddPersonWithHistoryAsync(scope.ServiceProvider, email, days);
    Console.WriteLine($"{email}: a weekly plan and {records} played sessions ({clock.Elapsed.TotalSeconds:F1} s)");
}
if (await BenchPeople.TidyUpAsync(app.Services))
{
    Console.WriteLine($"vacuumed and analysed ({clock.Elapsed.TotalSeconds:F1} s)");
}

internal static class BenchPeople
{
    /// <summary>
    /// Leaves PostgreSQL as a database in use is between loads: its autovacuum would otherwise analyse and vacuum
    /// the freshly filled tables, and its checkpointer write them out, while the load is measured (a p99 of
    /// hundreds of milliseconds for a page that takes a few). SQLite has no such background work.
    /// </summary>
    public static async Task<bool> TidyUpAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StretchingDbContext>();
        if (!db.Database.IsNpgsql()) return false;
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        try
        {
            await db.Database.ExecuteSqlRawAsync("CHECKPOINT");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // A BENCH_POSTGRES role may not checkpoint; the vacuum and the statistics matter more.
        }
        return true;
    }

    public const string TwoYears = "two-years@bench.test";
    public const string OneWeek = "one-week@bench.test";
    public const string Password = "Bench-stretch-2026!";
    private const string Zone = "Europe/Berlin";

    /// <summary>
    /// People who signed up and confirmed their address, as the account API stores them. Hashing 10,000
    /// passwords would take minutes, so they share one hash made by the app's own hasher: it checks
    /// against the same password for each of them.
    /// </summary>
    public static async Task AddOthersAsync(IServiceProvider services, int count)
    {
        var db = services.GetRequiredService<StretchingDbContext>();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var hash = users.PasswordHasher.HashPassword(new ApplicationUser(), Password);
        for (var start = 0; start < count; start += 2000)
        {
            for (var i = start; i < Math.Min(count, start + 2000); i++)
            {
                var email = $"person-{i:D5}@bench.test";
                db.Users.Add(new ApplicationUser
                {
                    UserName = email,
                    NormalizedUserName = users.NormalizeName(email),
                    Email = email,
                    NormalizedEmail = users.NormalizeEmail(email),
                    EmailConfirmed = true,
                    PasswordHash = hash,
                    SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                    LockoutEnabled = true,
                });
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// A person with a profile, a saved session, a favourite, a weekly plan made <paramref name="days"/> days ago
    /// (a routine or a new session each week on every day) and one played session a day since, as the player
    /// sends them: each with the session it played, items done or skipped, pain before and after, how hard it
    /// felt, now and then a note or an exercise marked as felt good or hurting. Imported through the history's
    /// own import, which checks and stores each record as POST /api/me/history does.
    /// </summary>
    public static async Task<int> AddPersonWithHistoryAsync(IServiceProvider services, string email, int days)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var person = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Check((await users.CreateAsync(person, Password)).Succeeded, "creating " + email);
        var owner = person.Id;

        var (profile, profileProblems) = await services.GetRequiredService<Profiles>()
            .SaveAsync(owner, new ProfileInput("beginner", ["mat", "chair"], [], Zone, false));
        Check(profile is not null && profileProblems.Count == 0, "saving the profile");
        await services.GetRequiredService<Profiles>().AddFavouriteAsync(owner, "cat-cow");
        Check(await services.GetRequiredService<SessionLibrary>().CreateAsync(owner, "Morning back", new SessionSource(Routine: "beginner-complex")) is LibraryResult.Saved,
            "saving a session");

        var plans = services.GetRequiredService<PlanStore>();
        var problems = await plans.SaveAsync(owner, new PlanShape
        {
            Goal = "back-health",
            TimeZone = Zone,
            TrainingDays = ["monday", "wednesday", "friday", "saturday"],
            AlarmMinutes = 15,
            Slots =
            [
                Slot("monday", "19:30", new PlayShape { Routine = "twelve-back-stretches" }),
                Slot("tuesday", "07:15", new PlayShape { Routine = "beginner-complex" }),
                Slot("wednesday", "19:30", new PlayShape { Preset = new SessionInput { Minutes = 30, Level = "beginner", Focus = ["lumbar"], Equipment = ["mat"] } }),
                Slot("thursday", "07:15", new PlayShape { Routine = "therapeutic-set" }),
                Slot("friday", "19:30", new PlayShape { Routine = "dancer-complex" }),
                Slot("saturday", "10:00", new PlayShape { Preset = new SessionInput { Minutes = 40, Level = "beginner", Focus = ["thoracic", "hips"], Equipment = ["mat", "chair"] } }),
                Slot("sunday", "10:00", new PlayShape { Routine = "female-1" }),
            ],
        });
        Check(problems.Count == 0, "saving the plan: " + string.Join("; ", problems.SelectMany(p => p.Value)));

        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var first = today.AddDays(-days);
        var plan = (await plans.LoadAsync(owner)).Plan;
        var planned = await services.GetRequiredService<PlannedSessions>().BetweenAsync(owner, plan, first, today);
        var random = new Random(days);
        var records = new List<RecordShape>();
        foreach (var (occurrence, index) in planned.Where(p => p.Session is not null).Select((p, i) => (p, i)))
        {
            var session = occurrence.Session!;
            var started = occurrence.Occurrence.Start.AddMinutes(random.Next(-5, 35));
            var finished = started.AddSeconds(session.TotalSeconds + random.Next(0, 180));
            if (finished > now) continue;
            var items = session.Items.Select(item => random.NextDouble() < 0.92
                ? new RecordItemShape(item.Slug, item.Side is { } side ? Vocabulary.Id(side) : null, "done", item.Seconds)
                : new RecordItemShape(item.Slug, item.Side is { } skippedSide ? Vocabulary.Id(skippedSide) : null, "skipped", random.Next(0, 5))).ToList();
            var mainSet = session.Items.Where(i => i.Role == ItemRole.Exercise).Select(i => i.Slug).Distinct().ToList();
            var flags = new List<FlagShape>();
            var mark = random.NextDouble();
            if (mainSet.Count > 0 && mark < 0.12) flags.Add(new FlagShape(mainSet[random.Next(mainSet.Count)], mark < 0.02 ? "hurt" : "good"));
            var progress = (double)index / Math.Max(1, planned.Count);
            var before = Math.Clamp((int)Math.Round(5 - 2.5 * progress + random.NextDouble() * 2 - 1), 0, 10);
            var after = Math.Clamp(before - random.Next(0, 3) + (random.NextDouble() < 0.06 ? 2 : 0), 0, 10);
            records.Add(new RecordShape
            {
                Id = new Guid(random.NextBytes(16)).ToString("D"),
                StartedAt = Iso(started, zone),
                FinishedAt = Iso(finished, zone),
                TimeZone = Zone,
                Source = new RecordSourceShape { Occurrence = occurrence.Id },
                Items = items,
                PainBefore = before,
                PainAfter = after,
                Ease = Pick(random, [(1, 10), (2, 40), (3, 35), (4, 12), (5, 3)]),
                Note = random.NextDouble() < 0.05 ? Notes[random.Next(Notes.Length)] : null,
                Flags = flags,
                Snapshot = session,
            });
        }

        var (imported, _, importProblems) = await services.GetRequiredService<HistoryStore>().ImportAsync(owner, new HistoryFile(1, records));
        Check(importProblems.Count == 0, "importing the history: " + string.Join("; ", importProblems.Take(5).Select(p => $"{p.Key}: {string.Join(" ", p.Value)}")));

        // The plan was made when the history began, as if the person had kept it since.
        var madeAt = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await services.GetRequiredService<StretchingDbContext>().Plans.Where(p => p.UserId == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.CreatedAt, madeAt));
        return imported;
    }

    private static readonly string[] Notes =
    [
        "Stiff after a long day at the desk; better by the end.",
        "Short on time, went through it quickly.",
        "The twist felt good on both sides today.",
        "Lower back a little tender in the morning.",
    ];

    private static SlotShape Slot(string day, string time, PlayShape play) => new() { Day = day, Time = time, Play = play };

    private static string Iso(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static int Pick(Random random, (int Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0) return value;
        }
        return choices[^1].Value;
    }

    private static void Check(bool ok, string what)
    {
        if (!ok) throw new InvalidOperationException("The benchmark data could not be seeded: " + what);
    }
}

internal static class RandomBytes
{
    public static byte[] NextBytes(this Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
