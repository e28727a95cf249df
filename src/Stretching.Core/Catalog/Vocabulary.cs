using System.Collections.Frozen;
using System.Text.Json;
using Stretching.Core.Planning;

namespace Stretching.Core.Catalog;

public enum Region { Neck, Shoulders, Thoracic, Lumbar, Hips, Legs, Core }

public enum Position { Standing, Sitting, Kneeling, AllFours, Supine, Prone, SideLying, Hanging }

public enum ExerciseKind { WarmUp, Stretch, Mobility, Strength, Relaxation, Traction }

public enum Level { Beginner, Intermediate, Advanced }

public enum Equipment { Mat, Wall, Chair, HorizontalBar, Bench, HyperextensionBench, Roller, Band, EvminovBoard, GlissonLoop, Rope }

/// <summary>
/// How an exercise loads the body. Safety is decided from these, not exercise by exercise: the
/// rules table (Safety/SafetyRules) maps each health condition to the patterns it rules out or
/// needs care with.
/// </summary>
public enum LoadPattern
{
    SpinalFlexion, SpinalExtension, Rotation, LateralFlexion, LoadedFlexion, LoadedExtension, SpinalRolling,
    AxialTraction, HeadDown, NeckLoad, WristLoad, ShoulderLoad, Kneeling, Impact, Balance, Strength,
    LyingProne, LyingSupine,
}

public enum Condition
{
    Osteoporosis, Thrombosis, ArthritisFlare, Cardiovascular, Respiratory, Infection, BackInjury, Hernia,
    Scoliosis, Sciatica, CervicalSpineLesion, Hypertension, Glaucoma, Aneurysm, KidneyStones, Stroke,
    Paralysis, CerebralPalsy, OpenWounds, Neoplasm, VertebralFracture, LigamentTear,

    // Not named by the articles; asked about because a careful clinician would ask (common practice).
    Pregnancy, SpinalStenosis, Spondylolisthesis, RecentBackSurgery, AcuteBackPain, ShoulderProblems,
    WristProblems, KneeProblems, Dizziness,
}

/// <summary>
/// The H5 warning signs, asked as yes/no questions before a session is built. Groin numbness is
/// not in the articles; it belongs with the bowel, bladder and leg signs as an emergency.
/// </summary>
public enum RedFlag { PainOverTwoWeeks, TroubleWalking, BowelOrBladder, GroinNumbness }

/// <summary>When a routine suits (rule W4).</summary>
public enum DayType { TrainingDay, NonTrainingDay, AfterTraining, AnyDay }

/// <summary>
/// The public ids (kebab-case, part of the API contract) and the labels people read for every
/// vocabulary term. Ids are derived from the enum names so the two cannot drift apart.
/// </summary>
public static class Vocabulary
{
    public static readonly JsonNamingPolicy IdPolicy = JsonNamingPolicy.KebabCaseLower;

    private static readonly FrozenDictionary<Enum, string> Labels = new Dictionary<Enum, string>
    {
        [Region.Neck] = "Neck",
        [Region.Shoulders] = "Shoulders",
        [Region.Thoracic] = "Upper and mid back",
        [Region.Lumbar] = "Lower back",
        [Region.Hips] = "Hips",
        [Region.Legs] = "Legs",
        [Region.Core] = "Core",

        [Position.Standing] = "Standing",
        [Position.Sitting] = "Sitting",
        [Position.Kneeling] = "Kneeling",
        [Position.AllFours] = "On all fours",
        [Position.Supine] = "Lying on the back",
        [Position.Prone] = "Lying on the stomach",
        [Position.SideLying] = "Lying on the side",
        [Position.Hanging] = "Hanging",

        [ExerciseKind.WarmUp] = "Warm-up",
        [ExerciseKind.Stretch] = "Stretch",
        [ExerciseKind.Mobility] = "Mobility",
        [ExerciseKind.Strength] = "Strength",
        [ExerciseKind.Relaxation] = "Relaxation",
        [ExerciseKind.Traction] = "Traction",

        [Level.Beginner] = "Beginner",
        [Level.Intermediate] = "Intermediate",
        [Level.Advanced] = "Advanced",

        [Equipment.Mat] = "Mat",
        [Equipment.Wall] = "Wall",
        [Equipment.Chair] = "Chair",
        [Equipment.HorizontalBar] = "Horizontal bar",
        [Equipment.Bench] = "Bench",
        [Equipment.HyperextensionBench] = "Hyperextension bench",
        [Equipment.Roller] = "Roller or rolled towel",
        [Equipment.Band] = "Band or towel",
        [Equipment.EvminovBoard] = "Evminov board",
        [Equipment.GlissonLoop] = "Glisson loop",
        [Equipment.Rope] = "Skipping rope",

        [LoadPattern.SpinalFlexion] = "Bending forward",
        [LoadPattern.SpinalExtension] = "Bending backward",
        [LoadPattern.Rotation] = "Twisting",
        [LoadPattern.LateralFlexion] = "Bending to the side",
        [LoadPattern.LoadedFlexion] = "Bending forward under load",
        [LoadPattern.LoadedExtension] = "Deep backbends carrying body weight",
        [LoadPattern.SpinalRolling] = "Rolling on the spine",
        [LoadPattern.AxialTraction] = "Hanging or traction of the spine",
        [LoadPattern.HeadDown] = "Head below the heart",
        [LoadPattern.NeckLoad] = "Weight or pressure on the neck",
        [LoadPattern.WristLoad] = "Weight on the hands",
        [LoadPattern.ShoulderLoad] = "Weight on the arms and shoulders",
        [LoadPattern.Kneeling] = "Kneeling",
        [LoadPattern.Impact] = "Jumping or running",
        [LoadPattern.Balance] = "Balancing where a fall is possible",
        [LoadPattern.Strength] = "Strength work",
        [LoadPattern.LyingProne] = "Lying on the stomach",
        [LoadPattern.LyingSupine] = "Lying on the back",

        [Condition.Osteoporosis] = "Osteoporosis",
        [Condition.Thrombosis] = "Severe thrombosis",
        [Condition.ArthritisFlare] = "Arthritis flare-up",
        [Condition.Cardiovascular] = "Heart or blood-vessel disease",
        [Condition.Respiratory] = "Lung or breathing disease",
        [Condition.Infection] = "Current infection (respiratory, intestinal, urogenital)",
        [Condition.BackInjury] = "Back injury",
        [Condition.Hernia] = "Disc hernia or protrusion",
        [Condition.Scoliosis] = "Scoliosis",
        [Condition.Sciatica] = "Sciatica",
        [Condition.CervicalSpineLesion] = "Lesion of the neck discs or vertebrae",
        [Condition.Hypertension] = "High blood pressure",
        [Condition.Glaucoma] = "Glaucoma",
        [Condition.Aneurysm] = "Aneurysm",
        [Condition.KidneyStones] = "Kidney stones",
        [Condition.Stroke] = "Stroke",
        [Condition.Paralysis] = "Paralysis",
        [Condition.CerebralPalsy] = "Cerebral palsy",
        [Condition.OpenWounds] = "Deep cuts or open wounds",
        [Condition.Neoplasm] = "Tumour (neoplasm)",
        [Condition.VertebralFracture] = "Past vertebral fracture",
        [Condition.LigamentTear] = "Torn tendons or ligaments",
        [Condition.Pregnancy] = "Pregnancy",
        [Condition.SpinalStenosis] = "Spinal stenosis (narrowed spinal canal)",
        [Condition.Spondylolisthesis] = "Spondylolisthesis (a slipped vertebra)",
        [Condition.RecentBackSurgery] = "Back surgery in the last year",
        [Condition.AcuteBackPain] = "New, severe back pain",
        [Condition.ShoulderProblems] = "Shoulder problems",
        [Condition.WristProblems] = "Wrist or hand problems",
        [Condition.KneeProblems] = "Knee problems",
        [Condition.Dizziness] = "Dizziness or balance problems",

        [RedFlag.PainOverTwoWeeks] = "Back pain that has lasted more than two weeks",
        [RedFlag.TroubleWalking] = "Legs getting weaker, or new trouble walking",
        [RedFlag.BowelOrBladder] = "New bowel or bladder problems",
        [RedFlag.GroinNumbness] = "Numbness in the groin or between the legs",

        [DayType.TrainingDay] = "Training day",
        [DayType.NonTrainingDay] = "Rest day from training",
        [DayType.AfterTraining] = "After training",
        [DayType.AnyDay] = "Any day",

        [PlanGoal.BackHealth] = "A healthy back: 4 to 6 sessions a week",
        [PlanGoal.Dancer] = "A dancer's flexible spine: every day",
        [PlanGoal.StrengthAndCardio] = "Alongside strength and cardio training: 2 or 3 sessions a week",
    }.ToFrozenDictionary();

    public static string Id<T>(T value) where T : struct, Enum => IdPolicy.ConvertName(value.ToString());

    public static string Label<T>(T value) where T : struct, Enum => Labels[value];

    public static IReadOnlyList<T> All<T>() where T : struct, Enum => Enum.GetValues<T>();

    public static bool TryParse<T>(string? id, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Id(candidate), id, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
