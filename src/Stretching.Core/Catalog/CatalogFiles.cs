using System.Text.Json;

namespace Stretching.Core.Catalog;

public sealed class CatalogDataException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads the curated catalog from the data folder (one file per exercise, named by slug).</summary>
public static class CatalogFiles
{
    public const string ExercisesFolder = "exercises";

    public static IReadOnlyList<Exercise> LoadExercises(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, ExercisesFolder);
        if (!Directory.Exists(folder))
        {
            throw new CatalogDataException($"The catalog folder '{folder}' does not exist.");
        }

        return Directory.EnumerateFiles(folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(LoadExercise)
            .ToList();
    }

    private static Exercise LoadExercise(string path)
    {
        try
        {
            var exercise = CatalogJson.Deserialize<Exercise>(File.ReadAllText(path));
            var expectedSlug = Path.GetFileNameWithoutExtension(path);
            if (exercise.Slug != expectedSlug)
            {
                throw new CatalogDataException($"{path}: slug '{exercise.Slug}' does not match the file name.");
            }
            return exercise;
        }
        catch (JsonException ex)
        {
            throw new CatalogDataException($"{path}: {ex.Message}", ex);
        }
    }
}
