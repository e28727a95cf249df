using Stretching.Core.Catalog;
using Stretching.Core.Safety;

namespace Stretching.Core.Tests.Catalog;

/// <summary>The curated data/ folder itself: what the app seeds from must be complete and consistent.</summary>
public sealed class CatalogDataTests
{
    private static readonly IReadOnlyList<Exercise> Catalog = CatalogFiles.LoadExercises(RepositoryPaths.Data);

    private static Exercise Get(string slug) => Catalog.Single(e => e.Slug == slug);

    [Fact]
    public void EveryFileLoadsAndTheCatalogHasNoValidationProblems()
    {
        Assert.Empty(CatalogValidator.Validate(Catalog));
    }

    [Fact]
    public void TheCatalogHoldsAtLeastFiftyExercises()
    {
        Assert.True(Catalog.Count >= 50, $"only {Catalog.Count} exercises");
    }

    [Fact]
    public void EveryArticleIsTheSourceOfSeveralExercises()
    {
        foreach (var article in Articles.All)
        {
            var count = Catalog.Count(e => e.Sources.Any(s => s.Article == article.Id));
            Assert.True(count >= 5, $"{article.Id} is cited by only {count} exercises");
        }
    }

    [Theory]
    [InlineData("childs-pose", "Embryo pose")]
    [InlineData("childs-pose", "Fetal position")]
    [InlineData("childs-pose", "Baby stretch")]
    [InlineData("cat-cow", "Cat & camel")]
    [InlineData("half-bridge", "Bridge on the shoulders")]
    public void MovementsWithSeveralNamesAreMergedUnderAliases(string slug, string alias)
    {
        Assert.Contains(alias, Get(slug).Aliases);
    }

    [Theory]
    [InlineData("joint-warm-up")]
    [InlineData("jogging-in-place")]
    [InlineData("spinal-rolls")]
    [InlineData("bar-hang")]
    [InlineData("evminov-board")]
    [InlineData("glisson-traction")]
    [InlineData("roller-lying")]
    public void WarmUpRecoveryAndEquipmentExercisesAreIncluded(string slug)
    {
        Assert.Contains(Catalog, e => e.Slug == slug);
    }

    [Fact]
    public void ExercisesOnlyNamedInSpineTop10AreMarkedAsNotFromTheArticles()
    {
        var namedOnly = Catalog.Where(e => !e.FromArticles).ToList();
        Assert.True(namedOnly.Count >= 10);
        Assert.Contains(namedOnly, e => e.Slug == "moon-stretch");
        Assert.All(namedOnly, e => Assert.Contains("only name", e.Summary));
    }

    [Fact]
    public void FiguresFromTheArticlesAreKept()
    {
        Assert.Equal(new SecondsRange(15, 15), Get("knees-to-chest").Hold);
        Assert.Equal(new CountRange(9, 9), Get("knees-to-chest").Reps);
        Assert.Equal(new SecondsRange(10, 10), Get("half-bridge").Hold);
        Assert.Equal(new CountRange(10, 10), Get("spinal-rolls").Reps);
        Assert.Equal(new CountRange(5, 7), Get("cobra").Breaths);
        Assert.True(Get("plow").Hold!.MinSeconds >= 60);
        Assert.Equal(60, Get("bar-hang").Hold!.MaxSeconds);
    }

    [Fact]
    public void EquipmentSafetyRulesH6ToH8AreKeptAsStoredAdditions()
    {
        Assert.Contains(Condition.CervicalSpineLesion, Get("bar-hang").Contraindications);
        Assert.Superset(
            new HashSet<Condition> { Condition.Paralysis, Condition.OpenWounds, Condition.CerebralPalsy, Condition.Stroke, Condition.Infection, Condition.Glaucoma, Condition.Aneurysm, Condition.KidneyStones },
            Get("evminov-board").Contraindications.ToHashSet());
        Assert.Superset(
            new HashSet<Condition> { Condition.VertebralFracture, Condition.LigamentTear, Condition.Neoplasm, Condition.Hypertension, Condition.Osteoporosis },
            Get("glisson-traction").Contraindications.ToHashSet());
    }

    [Fact]
    public void EveryStoredListHoldsWhatTheRulesDeriveFromThePatterns()
    {
        foreach (var exercise in Catalog)
        {
            Assert.Superset(ExerciseSafety.DerivedContraindications(exercise.Patterns).ToHashSet(), exercise.Contraindications.ToHashSet());
            Assert.Superset(ExerciseSafety.DerivedCautions(exercise.Patterns).ToHashSet(), exercise.Cautions.Union(exercise.Contraindications).ToHashSet());
            Assert.Empty(ExerciseSafety.Problems(exercise));
        }
    }

    [Theory]
    [InlineData("plow", Condition.CervicalSpineLesion)]
    [InlineData("fish-pose", Condition.CervicalSpineLesion)]
    [InlineData("gymnastic-bridge", Condition.CervicalSpineLesion)]
    [InlineData("neck-side-tilt", Condition.CervicalSpineLesion)]
    [InlineData("bar-hang", Condition.CervicalSpineLesion)]
    [InlineData("jefferson-curl", Condition.Osteoporosis)]
    [InlineData("jefferson-curl", Condition.Hernia)]
    [InlineData("supine-twist", Condition.Osteoporosis)]
    [InlineData("spinal-rolls", Condition.Osteoporosis)]
    [InlineData("plow", Condition.Glaucoma)]
    [InlineData("plow", Condition.Hypertension)]
    [InlineData("glisson-traction", Condition.Hypertension)]
    [InlineData("sphinx", Condition.Pregnancy)]
    [InlineData("plow", Condition.Pregnancy)]
    public void TheRulesLeadToTheContraindicationsACarefulClinicianExpects(string slug, Condition condition)
    {
        Assert.Contains(condition, Get(slug).Contraindications);
        Assert.Equal(RuleEffect.RulesOut, ExerciseSafety.Assess(Get(slug), condition)?.Effect);
    }

    [Theory]
    [InlineData("cat-cow", Condition.Hernia)]
    [InlineData("cobra", Condition.Sciatica)]
    [InlineData("supine-twist", Condition.BackInjury)]
    [InlineData("childs-pose", Condition.KneeProblems)]
    [InlineData("cat-cow", Condition.WristProblems)]
    public void TheRulesMarkWhatNeedsCare(string slug, Condition condition)
    {
        Assert.Contains(condition, Get(slug).Cautions);
        Assert.Equal(RuleEffect.NeedsCare, ExerciseSafety.Assess(Get(slug), condition)?.Effect);
    }

    /// <summary>
    /// What the rules rule out is not something to clear with a doctor: no sentence that sends people
    /// to a doctor names a condition the exercise is ruled out for (the plow once told people with
    /// neck problems to ask a doctor, while the rules leave it out for them).
    /// </summary>
    [Fact]
    public void TextNeverLeavesToADoctorWhatTheRulesRuleOut()
    {
        string[] generic = ["back", "spine", "spinal", "problems", "recent", "acute", "pain", "open", "injury"];
        var failures = new List<string>();
        foreach (var exercise in Catalog)
        {
            var texts = new[] { exercise.Summary, exercise.Easier, exercise.Harder }.Concat(exercise.Steps).Concat(exercise.Precautions).OfType<string>();
            foreach (var sentence in texts.SelectMany(t => t.Split('.', StringSplitOptions.RemoveEmptyEntries)).Where(t => t.Contains("doctor", StringComparison.OrdinalIgnoreCase)))
            {
                var words = System.Text.RegularExpressions.Regex.Split(sentence.ToLowerInvariant(), "[^a-z]+").ToHashSet();
                foreach (var condition in exercise.Contraindications)
                {
                    var named = Vocabulary.Id(condition).Split('-').Except(generic).Where(words.Contains).ToList();
                    if (named.Count > 0) failures.Add($"{exercise.Slug}: \"{sentence.Trim()}\" leaves {Vocabulary.Id(condition)} to a doctor");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains("not for anyone with a damaged disc or vertebra in the neck", Get("plow").Summary);
    }

    [Fact]
    public void TheRiskyMovesCarryPlainPrecautions()
    {
        foreach (var slug in new[] { "plow", "fish-pose", "gymnastic-bridge", "bridge-leg-raise", "jefferson-curl", "kneeling-backbend", "cobra" })
        {
            Assert.NotEmpty(Get(slug).Precautions);
        }
        Assert.Contains(Get("jefferson-curl").Precautions, p => p.Contains("fall", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Get("plow").Precautions, p => p.Contains("turn", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Option 1")]
    [InlineData("Option 2")]
    [InlineData("Time stretching")]
    [InlineData("Join-warming")]
    [InlineData("Rollings")]
    [InlineData("Gleason loop")]
    [InlineData("Sagging in the doors")]
    [InlineData("Stretching at the rack")]
    [InlineData("Crunches")]
    [InlineData("Jefferson crunch")]
    public void TranslationDebrisIsNotOfferedAsAName(string debris)
    {
        Assert.DoesNotContain(Catalog, e => e.Aliases.Contains(debris, StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("standing-alternate-leg-bends")]
    [InlineData("bridge-leg-raise")]
    public void AlternatingExercisesAreOneItemWithTheArticlesCount(string slug)
    {
        Assert.False(Get(slug).PerSide);
    }

    [Fact]
    public void TheSkippingRopeNeedsARope()
    {
        Assert.Contains(Equipment.Rope, Get("skipping-rope").Equipment);
    }

    [Fact]
    public void VariationLinksPointBothToEasierAndHarderForms()
    {
        Assert.Contains("cobra", Get("sphinx").Variations);
        Assert.Contains("gymnastic-bridge", Get("half-bridge").Variations);
    }
}
