using Stretching.Core.Catalog;
using Stretching.Core.Sessions;

namespace Stretching.Core.Tests.Sessions;

/// <summary>Each rule of domain-rules.md on hand-picked requests, named by its id.</summary>
public sealed class SessionBuilderTests
{
    private static readonly IReadOnlyList<Exercise> Catalog = CatalogFiles.LoadExercises(RepositoryPaths.Data);
    private static readonly IReadOnlyDictionary<string, Exercise> BySlug = Catalog.ToDictionary(e => e.Slug);
    private static readonly SessionBuilder Builder = new(Catalog);

    private static SessionRequest Request(int minutes = 45, Level level = Level.Beginner) => new()
    {
        Minutes = minutes,
        Level = level,
        Seed = 42,
        Equipment = new HashSet<Equipment> { Equipment.Mat },
    };

    private static Session Build(SessionRequest request) =>
        Builder.Build(request).Session() ?? throw new InvalidOperationException("refused");

    private static List<SessionItem> Block(Session session, BlockKind kind) => session.Blocks.Single(b => b.Kind == kind).Items.ToList();

    [Fact]
    public void S1_TheWarmUpComesFirstWithJointWorkThenFiveToSevenMinutesOfCardio()
    {
        var warmUp = Block(Build(Request(45)), BlockKind.WarmUp);

        Assert.Equal(SessionBuilder.JointWarmUpSlug, warmUp[0].Slug);
        var cardio = Assert.Single(warmUp, i => SessionBuilder.CardioSlugs.Contains(i.Slug));
        Assert.InRange(cardio.Seconds - SessionTiming.LeadSeconds, 300, 420);
    }

    [Fact]
    public void S1_AShortSessionShortensTheWarmUpButKeepsIt()
    {
        var full = Block(Build(Request(45)), BlockKind.WarmUp).Sum(i => i.Seconds);
        var warmUp = Block(Build(Request(10)), BlockKind.WarmUp);

        Assert.Equal(SessionBuilder.JointWarmUpSlug, warmUp[0].Slug);
        Assert.True(warmUp.Sum(i => i.Seconds) < full);
        Assert.Contains(warmUp, i => SessionBuilder.CardioSlugs.Contains(i.Slug));
    }

    [Fact]
    public void S2_AChildsPoseRestFollowsEveryFiveToSevenMinutesOfWork()
    {
        var main = Block(Build(Request(60)), BlockKind.Main);

        var rests = main.Where(i => i.Role == ItemRole.Rest).ToList();
        Assert.True(rests.Count >= 4);
        Assert.All(rests, r => Assert.Equal(SessionBuilder.ChildsPoseSlug, r.Slug));
        var work = 0;
        foreach (var item in main)
        {
            if (item.Role == ItemRole.Rest)
            {
                Assert.InRange(work, 300, 420);
                work = 0;
            }
            else
            {
                work += item.Seconds;
            }
        }
        Assert.InRange(work, 1, 420);
        Assert.Equal(ItemRole.Exercise, main[^1].Role);
    }

    [Fact]
    public void S3_LowerBackStrengtheningComesAtTheEndOfTheMainBlock()
    {
        var main = Block(Build(Request(60, Level.Advanced) with { Include = ["superman", "hyperextension"], Equipment = new HashSet<Equipment> { Equipment.Mat, Equipment.HyperextensionBench } }), BlockKind.Main)
            .Where(i => i.Role == ItemRole.Exercise).ToList();

        var firstStrength = main.FindIndex(i => SessionBuilder.IsLowerBackStrength(BySlug[i.Slug]));
        Assert.True(firstStrength > 0);
        Assert.All(main.Skip(firstStrength), i => Assert.True(SessionBuilder.IsLowerBackStrength(BySlug[i.Slug]), $"{i.Slug} follows strength work"));
        Assert.Contains(main, i => i.Slug == "hyperextension");
    }

    [Fact]
    public void S4_TheCoolDownIsTenRollsThenAtLeastAMinuteOfEmbryoPose()
    {
        var coolDown = Block(Build(Request(30)), BlockKind.CoolDown);

        Assert.Equal([SessionBuilder.RollsSlug, SessionBuilder.ChildsPoseSlug], coolDown.Select(i => i.Slug));
        Assert.Equal(10, coolDown[0].Reps);
        Assert.True(coolDown[1].HoldSeconds >= 60);
    }

    [Fact]
    public void D2_D3_BeginnerHoldsStayWithinTenToFortySeconds()
    {
        var holds = Block(Build(Request(60)), BlockKind.Main).Where(i => i is { Role: ItemRole.Exercise, Reps: null, HoldSeconds: not null }).ToList();

        Assert.NotEmpty(holds);
        Assert.All(holds, i => Assert.InRange(i.HoldSeconds!.Value, 10, 40));
    }

    [Fact]
    public void D3_AdvancedFivetoSevenBreathHoldsLastAboutFortyToFortyFiveSeconds()
    {
        Assert.InRange(DosageRules.For(BySlug["cobra"], Level.Advanced).HoldSeconds!.Value, 40, 45);
        Assert.Equal(30, DosageRules.For(BySlug["childs-pose"], Level.Beginner).HoldSeconds);
    }

    [Fact]
    public void D4_RepetitionsAreCappedAtSevenForBeginnersAndFifteenOtherwise()
    {
        Assert.Equal(7, DosageRules.For(BySlug["cat-cow"], Level.Beginner).Reps);
        Assert.Equal(9, DosageRules.For(BySlug["cat-cow"], Level.Advanced).Reps);
        Assert.Equal(15, DosageRules.For(BySlug["seated-forward-bend"], Level.Advanced).Reps);
        Assert.Equal(7, DosageRules.For(BySlug["seated-forward-bend"], Level.Beginner).Reps);
    }

    [Fact]
    public void D1_TheCatalogsOwnFiguresAreUsedWhenTheyFitTheBounds()
    {
        var knees = DosageRules.For(BySlug["knees-to-chest"], Level.Intermediate);
        Assert.Equal(new Dose(null, 9, 15), knees);
    }

    [Fact]
    public void ARepBasedItemsDurationIsLeadPlusRepsTimesHoldAndMovement()
    {
        Assert.Equal(5 + 9 * (15 + 3), SessionTiming.ItemSeconds(new Dose(null, 9, 15)));
        Assert.Equal(5 + 10 * 4, SessionTiming.ItemSeconds(new Dose(null, 10, null)));
        Assert.Equal(5 + 30, SessionTiming.ItemSeconds(Dose.Held(30)));
    }

    [Fact]
    public void PerSideExercisesPlayLeftThenRightNextToEachOther()
    {
        var items = Build(Request(45) with { Include = ["standing-side-stretch"] }).Items.ToList();

        var left = items.FindIndex(i => i.Slug == "standing-side-stretch");
        Assert.Equal(Side.Left, items[left].Side);
        Assert.Equal(("standing-side-stretch", Side.Right), (items[left + 1].Slug, items[left + 1].Side!.Value));
    }

    [Fact]
    public void FocusRegionsGetMoreOfTheMainBlockYetThreeRegionsAreCovered()
    {
        double ShoulderShare(Session session)
        {
            var main = Block(session, BlockKind.Main).Where(i => i.Role == ItemRole.Exercise).ToList();
            return main.Where(i => BySlug[i.Slug].Regions.Contains(Region.Shoulders)).Sum(i => i.Seconds) / (double)main.Sum(i => i.Seconds);
        }
        var focused = Build(Request(30) with { Focus = new HashSet<Region> { Region.Shoulders } });

        Assert.True(ShoulderShare(focused) > 0.5);
        Assert.True(ShoulderShare(focused) > ShoulderShare(Build(Request(30))));
        var regions = Block(focused, BlockKind.Main).Where(i => i.Role == ItemRole.Exercise).SelectMany(i => BySlug[i.Slug].Regions).Distinct();
        Assert.True(regions.Count() >= 3);
    }

    [Fact]
    public void PositionsGoFromStandingDownToLyingOnTheBack()
    {
        var ranks = Block(Build(Request(60)), BlockKind.Main)
            .Where(i => i.Role == ItemRole.Exercise && !SessionBuilder.IsLowerBackStrength(BySlug[i.Slug]))
            .Select(i => PositionOrder.Rank(BySlug[i.Slug].Position)).ToList();

        Assert.Equal(ranks.Order(), ranks);
        Assert.True(ranks.Distinct().Count() >= 3);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(30)]
    [InlineData(45)]
    [InlineData(60)]
    public void TheTotalIsWithinFivePercentOfTheTarget(int minutes)
    {
        var session = Build(Request(minutes));
        Assert.InRange(session.TotalSeconds, minutes * 60 * 0.95, minutes * 60 * 1.05);
    }

    [Fact]
    public void TooFewEligibleExercisesGiveAWarningInsteadOfAnEndlessSession()
    {
        var allButThree = Catalog.Select(e => e.Slug).Except(["sphinx", "knees-to-chest", "happy-baby"]).ToList();
        var session = Build(Request(90) with { Exclude = allButThree });

        Assert.True(session.TotalSeconds < 90 * 60 * 0.95);
        Assert.Contains(session.Warnings, w => w.Contains("could be filled"));
    }

    [Fact]
    public void D7_WhenTheExercisesRunOutTheyAreRepeatedAsExtraSetsBackToBack()
    {
        var allButFour = Catalog.Select(e => e.Slug).Except(["sphinx", "knees-to-chest", "happy-baby", "cat-cow"]).ToList();
        var main = Block(Build(Request(30) with { Exclude = allButFour }), BlockKind.Main).Where(i => i.Role == ItemRole.Exercise).ToList();

        var sphinx = main.Where(i => i.Slug == "sphinx").ToList();
        Assert.InRange(sphinx.Count, 2, SessionBuilder.MaxSetsOfARepeatedExercise);
        Assert.Contains("may be repeated", sphinx[1].Reason);
    }

    [Fact]
    public void W1_AShortSessionNotesThatAFullComplexTakesThirtyToFiftyMinutes()
    {
        Assert.Contains(Build(Request(15)).Warnings, w => w.Contains("30-50 minutes"));
        Assert.DoesNotContain(Build(Request(30)).Warnings, w => w.Contains("30-50 minutes"));
    }

    [Theory]
    [InlineData(Condition.Osteoporosis)]
    [InlineData(Condition.Thrombosis)]
    [InlineData(Condition.ArthritisFlare)]
    [InlineData(Condition.RecentBackSurgery)]
    public void H1_ConditionsLeftToADoctorAreRefusedUntilOneApproves(Condition condition)
    {
        var outcome = Builder.Build(Request() with { Conditions = new HashSet<Condition> { condition } });

        Assert.Null(outcome.Session());
        Assert.Equal(RefusalKind.SeeDoctor, outcome.Refusal()!.Kind);
        Assert.Contains(outcome.Refusal()!.Reasons, r => r.Contains(ExerciseSafetyPhrase(condition)));
        Assert.Contains("doctor", outcome.Refusal()!.Advice);
        Assert.NotNull(Builder.Build(Request() with { Conditions = new HashSet<Condition> { condition }, DoctorApproved = true }).Session());
    }

    private static string ExerciseSafetyPhrase(Condition condition) => condition switch
    {
        Condition.Thrombosis => "thrombosis",
        Condition.ArthritisFlare => "arthritis",
        Condition.RecentBackSurgery => "surgery",
        _ => Vocabulary.Label(condition).ToLowerInvariant(),
    };

    [Fact]
    public void H2_AnInfectionPostponesTrainingWhateverADoctorSaid()
    {
        foreach (var approved in new[] { false, true })
        {
            var outcome = Builder.Build(Request() with { Conditions = new HashSet<Condition> { Condition.Infection }, DoctorApproved = approved });
            Assert.Equal(RefusalKind.Postpone, outcome.Refusal()?.Kind);
        }
    }

    [Fact]
    public void H5_PainForMoreThanTwoWeeksNeedsADoctorSoonAndADoctorsApprovalLiftsIt()
    {
        var request = Request() with { RedFlags = new HashSet<RedFlag> { RedFlag.PainOverTwoWeeks } };

        var refused = Builder.Build(request).Refusal()!;
        Assert.Equal(RefusalKind.SeeDoctor, refused.Kind);
        Assert.Contains(refused.Reasons, r => r.Contains("two weeks"));
        Assert.NotNull(Builder.Build(request with { DoctorApproved = true }).Session());
    }

    [Theory]
    [InlineData(RedFlag.TroubleWalking)]
    [InlineData(RedFlag.BowelOrBladder)]
    [InlineData(RedFlag.GroinNumbness)]
    public void H5_NerveWarningSignsAreAnEmergencyThatNoApprovalOverrides(RedFlag flag)
    {
        foreach (var approved in new[] { false, true })
        {
            var outcome = Builder.Build(Request() with { RedFlags = new HashSet<RedFlag> { flag }, DoctorApproved = approved });

            Assert.Null(outcome.Session());
            Assert.Equal(RefusalKind.Emergency, outcome.Refusal()!.Kind);
            Assert.Contains("today", outcome.Refusal()!.Title);
            Assert.Contains("emergency number", outcome.Refusal()!.Advice);
        }
    }

    [Fact]
    public void WithADoctorsApprovalOsteoporosisStillRulesOutLoadedBendingTwistsAndRolling()
    {
        var request = Request(45, Level.Advanced) with
        {
            Conditions = new HashSet<Condition> { Condition.Osteoporosis },
            DoctorApproved = true,
            Include = ["supine-twist"],
        };
        var session = Build(request);

        var ruledOut = new[] { LoadPattern.LoadedFlexion, LoadPattern.Rotation, LoadPattern.SpinalRolling };
        Assert.All(session.Items, i => Assert.DoesNotContain(BySlug[i.Slug].Patterns, ruledOut.Contains));
        Assert.Contains(session.Excluded, e => e.Slug == "supine-twist" && e.Reason.Contains("twisting") && e.Reason.Contains("even with a doctor's approval"));
        Assert.Contains(session.Warnings, w => w.StartsWith("Lying twist could not be added"));

        var coolDown = Block(session, BlockKind.CoolDown);
        Assert.NotEqual(SessionBuilder.RollsSlug, coolDown[0].Slug);
        Assert.StartsWith("In place of the rolls on the back,", coolDown[0].Reason);
        Assert.Contains("The rolls are left out: Not advised with osteoporosis", coolDown[0].Reason);
        Assert.Contains("rolling on the spine", coolDown[0].Reason);
        Assert.DoesNotContain("About 10 rolls", coolDown[0].Reason);
    }

    [Fact]
    public void WithADoctorsApprovalTheGentlestSessionIsBuiltAndSaysSo()
    {
        var request = Request(30, Level.Advanced) with
        {
            Conditions = new HashSet<Condition> { Condition.Osteoporosis },
            RedFlags = new HashSet<RedFlag> { RedFlag.PainOverTwoWeeks },
            DoctorApproved = true,
        };
        var session = Build(request);

        Assert.Contains(session.Warnings, w => w.Contains("gentlest"));
        Assert.DoesNotContain(session.Items, i => SessionBuilder.CardioSlugs.Contains(i.Slug));
        Assert.All(session.Items.Where(i => i.Role == ItemRole.Exercise), i =>
        {
            Assert.Equal(Level.Beginner, BySlug[i.Slug].Level);
            Assert.DoesNotContain(BySlug[i.Slug].Kind, new[] { ExerciseKind.Strength, ExerciseKind.Traction });
        });
    }

    [Fact]
    public void TheGentlestSessionSaysItsJointWarmUpIsLongerOnlyWhenItIs()
    {
        // Osteoporosis rules out the joint warm-up's twisting: a stand-in plays at its own dose, and nothing claims it is longer.
        var osteoporosis = Build(Request(45) with { Conditions = new HashSet<Condition> { Condition.Osteoporosis }, DoctorApproved = true });
        var standIn = Block(osteoporosis, BlockKind.WarmUp)[0];
        Assert.NotEqual(SessionBuilder.JointWarmUpSlug, standIn.Slug);
        Assert.StartsWith("In place of the joint warm-up,", standIn.Reason);
        Assert.Contains("The joint warm-up is left out: Not advised with osteoporosis", standIn.Reason);
        Assert.DoesNotContain("twists, tilts and turns", standIn.Reason);
        var noCardio = Assert.Single(osteoporosis.Warnings, w => w.StartsWith("The warm-up has no cardio part"));
        Assert.Equal("The warm-up has no cardio part: it is left out of the gentlest session.", noCardio);

        // Thrombosis leaves the joint warm-up itself, which takes two more minutes in place of the cardio.
        var thrombosis = Build(Request(45) with { Conditions = new HashSet<Condition> { Condition.Thrombosis }, DoctorApproved = true });
        var joint = Block(thrombosis, BlockKind.WarmUp)[0];
        Assert.Equal(SessionBuilder.JointWarmUpSlug, joint.Slug);
        Assert.Equal(SessionTiming.LeadSeconds + 150 + 120, joint.Seconds);
        Assert.Contains("The warm-up has no cardio part: it is left out of the gentlest session, so the joint warm-up is longer.", thrombosis.Warnings);
    }

    [Fact]
    public void ContraindicatedExercisesAreExcludedWithTheirReason()
    {
        var request = Request(45, Level.Intermediate) with
        {
            Equipment = new HashSet<Equipment> { Equipment.Mat, Equipment.HorizontalBar },
            Conditions = new HashSet<Condition> { Condition.CervicalSpineLesion },
        };
        var session = Build(request);

        var excluded = Assert.Single(session.Excluded, e => e.Slug == "bar-hang");
        Assert.Contains("lesion of the neck", excluded.Reason);
        Assert.DoesNotContain(session.Items, i => i.Slug == "bar-hang");
    }

    [Fact]
    public void H2_H3_ConditionsAddWarningsAndLeaveOutExercisesNeedingExtraCare()
    {
        var session = Build(Request(45) with { Conditions = new HashSet<Condition> { Condition.Hernia, Condition.Cardiovascular } });

        Assert.Contains(session.Warnings, w => w.Contains("heart or blood-vessel disease"));
        Assert.Contains(session.Warnings, w => w.Contains("disc hernia") && w.Contains("ask a doctor"));
        Assert.Contains(session.Excluded, e => e.Slug == "cat-cow" && e.Reason.StartsWith("Needs care with disc hernia"));
        Assert.All(session.Items.Where(i => SessionBuilder.CardioSlugs.Contains(i.Slug)), i => Assert.Equal(SessionBuilder.GentleCardioSlug, i.Slug));
    }

    [Fact]
    public void IncludedExercisesAreAddedAndExcludedOnesLeftOut()
    {
        var session = Build(Request(30) with { Include = ["sphinx"], Exclude = ["cat-cow"] });

        Assert.Contains(session.Items, i => i.Slug == "sphinx" && i.Reason == "You asked for it.");
        Assert.DoesNotContain(session.Items, i => i.Slug == "cat-cow");
        Assert.Contains(session.Excluded, e => e.Slug == "cat-cow" && e.Reason == "You left it out.");
    }

    [Fact]
    public void AnIncludedExerciseAboveTheLevelIsExplainedNotPlayed()
    {
        var session = Build(Request(30) with { Include = ["plow"] });

        Assert.DoesNotContain(session.Items, i => i.Slug == "plow");
        Assert.Contains(session.Warnings, w => w.StartsWith("Plow could not be added"));
    }

    [Fact]
    public void EveryItemExplainsItsPlace()
    {
        Assert.All(Build(Request(45)).Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Reason)));
    }

    [Fact]
    public void WithoutAMatOnlyStandingAndSittingWorkRemains()
    {
        var session = Build(Request(30) with { Equipment = new HashSet<Equipment> { Equipment.Chair } });

        Assert.All(session.Items, i => Assert.DoesNotContain(Equipment.Mat, BySlug[i.Slug].Equipment));
        Assert.All(session.Items.Where(i => i.Role == ItemRole.Rest), i => Assert.Equal("seated-upper-back-release", i.Slug));
        Assert.Contains(session.Items, i => i.Role == ItemRole.Rest);
        Assert.Contains(session.Excluded, e => e.Slug == SessionBuilder.ChildsPoseSlug && e.Reason.Contains("mat"));
    }

    [Fact]
    public void LeavingOutChildsPoseGivesTheRestsAndTheFinalPoseAStandInThatSaysWhy()
    {
        var session = Build(Request(45) with { Exclude = [SessionBuilder.ChildsPoseSlug] });

        Assert.DoesNotContain(session.Items, i => i.Slug == SessionBuilder.ChildsPoseSlug);
        var rests = session.Items.Where(i => i.Role == ItemRole.Rest).ToList();
        Assert.NotEmpty(rests);
        Assert.All(rests, r => Assert.Contains("takes the place of child's pose: You left it out.", r.Reason));
        var final = Block(session, BlockKind.CoolDown)[^1];
        Assert.StartsWith("In place of child's pose,", final.Reason);
        Assert.Contains("Child's pose is left out: You left it out.", final.Reason);
        Assert.DoesNotContain("arms forward", final.Reason);
    }

    [Fact]
    public void LeavingOutTheCardioDrawsAnotherAndKeepsTheMainSet()
    {
        var session = Build(Request(45));
        var cardio = Block(session, BlockKind.WarmUp).Single(i => SessionBuilder.CardioSlugs.Contains(i.Slug)).Slug;

        var again = Build(Request(45) with { Exclude = [cardio] });

        Assert.DoesNotContain(again.Items, i => i.Slug == cardio);
        var standIn = Assert.Single(Block(again, BlockKind.WarmUp), i => SessionBuilder.CardioSlugs.Contains(i.Slug));
        Assert.Contains($"takes the place of {BySlug[cardio].Name.ToLowerInvariant()}, which you left out", standIn.Reason);
        Assert.Equal(Block(session, BlockKind.Main).Select(i => i.Slug), Block(again, BlockKind.Main).Select(i => i.Slug));
    }

    [Fact]
    public void ASessionCutShortByHealthConditionsSaysSo()
    {
        var session = Build(Request(90) with
        {
            Conditions = new HashSet<Condition> { Condition.Hernia, Condition.Pregnancy, Condition.KneeProblems, Condition.WristProblems },
        });

        var warning = Assert.Single(session.Warnings, w => w.Contains("could be filled"));
        Assert.Contains("your health conditions rule out or need care with", warning);
        Assert.DoesNotContain("try more equipment", warning);
    }

    [Fact]
    public void PreferredExercisesArePickedWhenTheyFitAndAnEmptyPreferenceChangesNothing()
    {
        var plain = Build(Request(20));
        var mainSlugs = Block(plain, BlockKind.Main).Where(i => i.Role == ItemRole.Exercise).Select(i => i.Slug).ToHashSet();
        var preferred = Build(Request(60)).Items.Select(i => i.Slug)
            .Where(s => !mainSlugs.Contains(s) && BySlug[s].Kind == ExerciseKind.Stretch).Distinct().Take(2).ToList();
        Assert.Equal(2, preferred.Count);

        var withFavourites = Build(Request(20) with { Prefer = preferred });

        Assert.All(preferred, slug => Assert.Contains(Block(withFavourites, BlockKind.Main), i => i.Slug == slug));
        Assert.Equal(plain.Items.Select(i => i.Slug), Build(Request(20) with { Prefer = [] }).Items.Select(i => i.Slug));
    }
}
