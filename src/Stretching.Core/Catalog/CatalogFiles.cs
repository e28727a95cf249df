using System.Text.Json;
using Stretching.Core.Figures;
using Stretching.Core.Sessions;

namespace Stretching.Core.Catalog;

public sealed class CatalogDataException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads the curated data folder: one file per exercise or routine, named by its slug.</summary>
public static class CatalogFiles
{
    public const string ExercisesFolder = "exercises";
    public const string RoutinesFolder = "routines";
    public const string FiguresFolder = "figures";

    public static IReadOnlyList<Exercise> LoadExercises(string dataDirectory) =>
        Load<Exercise>(dataDirectory, ExercisesFolder, e => e.Slug);

    public static IReadOnlyList<Routine> LoadRoutines(string dataDirectory) =>
        Load<Routine>(dataDirectory, RoutinesFolder, r => r.Slug);

    public static IReadOnlyList<ExerciseFigure> LoadFigures(string dataDirectory) =>
        Load<ExerciseFigure>(dataDirectory, FiguresFolder, f => f.Slug);

    private static List<T> Load<T>(string dataDirectory, string folderName, Func<T, string> slugOf)
    {
        var folder = Path.Combine(dataDirectory, folderName);
        if (!Directory.Exists(folder))
        {
            throw new CatalogDataException($"The data folder '{folder}' does not exist.");
        }

        return Directory.EnumerateFiles(folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => LoadOne(path, slugOf))
            .ToList();
    }

    private static T LoadOne<T>(string path, Func<T, string> slugOf)
    {
        try
        {
            var value = CatalogJson.Deserialize<T>(File.ReadAllText(path));
            var expectedSlug = Path.GetFileNameWithoutExtension(path);
            if (slugOf(value) != expectedSlug)
            {
                throw new CatalogDataException($"{path}: slug '{slugOf(value)}' does not match the file name.");
            }
            return value;
        }
        catch (JsonException ex)
        {
            throw new CatalogDataException($"{path}: {ex.Message}", ex);
        }
    }
}
