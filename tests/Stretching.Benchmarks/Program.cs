using System.Diagnostics;
using Stretching.Core.Catalog;
using Stretching.Core.Sessions;

// A Stopwatch harness, not a test: run it in Release and read the figures.
//   dotnet run -c Release --project tests/Stretching.Benchmarks
// Goal (issue 3): building a 50-minute session takes well under 1 ms.

var catalog = CatalogFiles.LoadExercises(RepositoryPaths.Data);
var builder = new SessionBuilder(catalog);
SessionRequest Request(int seed) => new()
{
    Minutes = 50,
    Level = (Level)(seed % 3),
    Focus = new HashSet<Region> { (Region)(seed % 7) },
    Equipment = new HashSet<Equipment> { Equipment.Mat, Equipment.Chair, Equipment.Wall },
    Seed = seed,
};

const int warmUp = 500;
const int runs = 5000;
for (var i = 0; i < warmUp; i++) builder.Build(Request(i));

var timings = new double[runs];
var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
for (var i = 0; i < runs; i++)
{
    var start = Stopwatch.GetTimestamp();
    builder.Build(Request(i));
    timings[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
}
var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)runs;

Array.Sort(timings);
Console.WriteLine($"Building a 50-minute session, {runs} builds over {catalog.Count} exercises:");
Console.WriteLine($"  mean   {timings.Average(),8:F1} µs");
Console.WriteLine($"  median {timings[runs / 2],8:F1} µs");
Console.WriteLine($"  p95    {timings[(int)(runs * 0.95)],8:F1} µs");
Console.WriteLine($"  max    {timings[^1],8:F1} µs");
Console.WriteLine($"  allocated per build {allocated / 1024,8:F1} KB");
