using Stretching.Core.Catalog;

namespace Stretching.Core.Safety;

public enum RuleEffect { RulesOut, NeedsCare }

/// <summary>What a condition means for a whole session, before any exercise is chosen.</summary>
public enum ProgrammeEffect
{
    /// <summary>No session until a doctor approves; then only the gentlest one.</summary>
    DoctorFirst,

    /// <summary>No session until the person has recovered; a doctor's approval does not change that.</summary>
    Postpone,

    /// <summary>A session is built, with the advice to ask a doctor before starting.</summary>
    AskDoctor,

    /// <summary>A session is built, with advice on how to keep it gentle.</summary>
    ExtraCare,
}

public enum RedFlagUrgency { SeeDoctorSoon, Emergency }

/// <summary>
/// Where a rule comes from: one of the articles' rules (its id in domain-rules.md and the articles
/// that state it) or, where the articles are silent, common clinical practice.
/// </summary>
public sealed record RuleSource(string? RuleId, IReadOnlyList<string> ArticleIds)
{
    public static readonly RuleSource CommonPractice = new(null, []);

    public bool IsCommonPractice => RuleId is null;

    public static RuleSource Rule(string ruleId, params string[] articleIds) => new(ruleId, articleIds);
}

/// <summary>One row of the table: a condition rules out, or needs care with, some ways of loading the body.</summary>
public sealed record PatternRule(Condition Condition, RuleEffect Effect, IReadOnlyList<LoadPattern> Patterns, RuleSource Source);

/// <summary>What a condition means for the whole session, with the advice people read.</summary>
public sealed record ProgrammeRule(Condition Condition, ProgrammeEffect Effect, RuleSource Source, string Advice);

public sealed record RedFlagRule(RedFlag Flag, RedFlagUrgency Urgency, RuleSource Source);

/// <summary>
/// The one table from health conditions to what they mean: for the whole session (programme rules),
/// for each way an exercise loads the body (pattern rules), and for the warning signs. Every
/// caution and contraindication the app shows or applies comes from here; the catalog's stored
/// lists may only add exercise-specific device rules (H6-H8) on top.
/// </summary>
public static class SafetyRules
{
    private static readonly RuleSource H1 = RuleSource.Rule("H1", "spinal-stretching");
    private static readonly RuleSource H2 = RuleSource.Rule("H2", "spinal-stretching");
    private static readonly RuleSource H3 = RuleSource.Rule("H3", "therapeutic");
    private static readonly RuleSource H5 = RuleSource.Rule("H5", "back-stretches-12");
    private static readonly RuleSource H6 = RuleSource.Rule("H6", "spinal-stretching");
    private static readonly RuleSource Practice = RuleSource.CommonPractice;

    public static readonly IReadOnlyList<ProgrammeRule> Programme =
    [
        new(Condition.Osteoporosis, ProgrammeEffect.DoctorFirst, H1,
            "The articles advise against back stretching with osteoporosis. A doctor may approve gentle exercise; even then, forward bending under load, twisting and rolling on the spine stay out."),
        new(Condition.Thrombosis, ProgrammeEffect.DoctorFirst, H1,
            "The articles advise against back stretching with severe thrombosis unless a doctor approves it."),
        new(Condition.ArthritisFlare, ProgrammeEffect.DoctorFirst, H1,
            "The articles advise against back stretching while arthritis is flaring up unless a doctor approves it."),
        new(Condition.RecentBackSurgery, ProgrammeEffect.DoctorFirst, Practice,
            "After back surgery, follow your surgeon's rehabilitation plan and start only once they clear you."),
        new(Condition.Infection, ProgrammeEffect.Postpone, H2,
            "Training waits until an infection has fully cleared; then untick it and build again."),
        new(Condition.Cardiovascular, ProgrammeEffect.ExtraCare, H2,
            "With heart or blood-vessel disease, keep the pace gentle and stop if you feel short of breath, dizzy or unwell."),
        new(Condition.Respiratory, ProgrammeEffect.ExtraCare, H2,
            "With lung or breathing disease, keep the pace gentle and stop if you feel short of breath or unwell."),
        new(Condition.BackInjury, ProgrammeEffect.AskDoctor, H3, "After a back injury, ask a doctor before you exercise."),
        new(Condition.Hernia, ProgrammeEffect.AskDoctor, H3, "With a disc hernia or protrusion, ask a doctor before you exercise."),
        new(Condition.Scoliosis, ProgrammeEffect.AskDoctor, H3, "With scoliosis, ask a doctor before you exercise."),
        new(Condition.Sciatica, ProgrammeEffect.AskDoctor, H3, "With sciatica, ask a doctor before you exercise."),
        new(Condition.Pregnancy, ProgrammeEffect.AskDoctor, Practice,
            "In pregnancy, check with your midwife or doctor first, and stop if anything feels wrong."),
        new(Condition.SpinalStenosis, ProgrammeEffect.AskDoctor, Practice,
            "With spinal stenosis, ask a doctor or physiotherapist which movements suit you; bending backward often makes symptoms worse."),
        new(Condition.Spondylolisthesis, ProgrammeEffect.AskDoctor, Practice,
            "With spondylolisthesis, ask a doctor or physiotherapist which movements suit you; deep backbends are the usual ones to avoid."),
        new(Condition.AcuteBackPain, ProgrammeEffect.ExtraCare, Practice,
            "Gentle movement usually helps new back pain: stay within what feels comfortable. See a doctor if it keeps getting worse."),
        new(Condition.Hypertension, ProgrammeEffect.ExtraCare, Practice,
            "With high blood pressure, breathe freely throughout and never hold your breath while you push."),
        new(Condition.Dizziness, ProgrammeEffect.ExtraCare, Practice,
            "With dizziness or balance problems, change position slowly and keep something steady within reach."),
    ];

    public static readonly IReadOnlyList<PatternRule> Patterns =
    [
        Out(Condition.Osteoporosis, Practice, LoadPattern.LoadedFlexion, LoadPattern.Rotation, LoadPattern.SpinalRolling),
        Care(Condition.Osteoporosis, Practice, LoadPattern.SpinalFlexion, LoadPattern.Impact, LoadPattern.AxialTraction),

        Care(Condition.Cardiovascular, H2, LoadPattern.Strength, LoadPattern.Impact),
        Care(Condition.Cardiovascular, Practice, LoadPattern.HeadDown),
        Care(Condition.Respiratory, H2, LoadPattern.Strength, LoadPattern.Impact),

        Care(Condition.BackInjury, H3, LoadPattern.SpinalFlexion, LoadPattern.SpinalExtension, LoadPattern.Rotation, LoadPattern.Strength, LoadPattern.AxialTraction),
        Out(Condition.BackInjury, Practice, LoadPattern.LoadedFlexion, LoadPattern.LoadedExtension),
        Care(Condition.BackInjury, Practice, LoadPattern.Impact),

        // H6 names hanging as helpful for protrusions and hernias, so traction is not held against them.
        Care(Condition.Hernia, H3, LoadPattern.SpinalFlexion, LoadPattern.SpinalExtension, LoadPattern.Rotation, LoadPattern.Strength),
        Out(Condition.Hernia, Practice, LoadPattern.LoadedFlexion),

        Care(Condition.Sciatica, H3, LoadPattern.SpinalFlexion, LoadPattern.SpinalExtension, LoadPattern.Rotation, LoadPattern.Strength, LoadPattern.AxialTraction),
        Out(Condition.Sciatica, Practice, LoadPattern.LoadedFlexion),

        Care(Condition.Scoliosis, H3, LoadPattern.SpinalFlexion, LoadPattern.SpinalExtension, LoadPattern.Rotation, LoadPattern.LateralFlexion, LoadPattern.Strength, LoadPattern.AxialTraction),

        Out(Condition.CervicalSpineLesion, H6, LoadPattern.AxialTraction),
        Out(Condition.CervicalSpineLesion, Practice, LoadPattern.NeckLoad),

        Out(Condition.Hypertension, Practice, LoadPattern.HeadDown),
        Care(Condition.Hypertension, Practice, LoadPattern.Strength),
        Out(Condition.Glaucoma, Practice, LoadPattern.HeadDown),
        Out(Condition.Aneurysm, Practice, LoadPattern.HeadDown, LoadPattern.Strength),
        Care(Condition.Aneurysm, Practice, LoadPattern.Impact),
        Care(Condition.Stroke, Practice, LoadPattern.Balance, LoadPattern.HeadDown),
        Care(Condition.Paralysis, Practice, LoadPattern.Balance),
        Care(Condition.CerebralPalsy, Practice, LoadPattern.Balance),

        Out(Condition.VertebralFracture, Practice, LoadPattern.LoadedFlexion, LoadPattern.SpinalRolling),
        Care(Condition.VertebralFracture, Practice, LoadPattern.Rotation, LoadPattern.Impact, LoadPattern.AxialTraction),

        Out(Condition.Pregnancy, Practice, LoadPattern.LyingProne, LoadPattern.LoadedFlexion, LoadPattern.LoadedExtension, LoadPattern.HeadDown, LoadPattern.AxialTraction, LoadPattern.SpinalRolling),
        Care(Condition.Pregnancy, Practice, LoadPattern.LyingSupine, LoadPattern.Rotation, LoadPattern.Balance, LoadPattern.Impact, LoadPattern.Strength),

        Out(Condition.SpinalStenosis, Practice, LoadPattern.LoadedExtension),
        Care(Condition.SpinalStenosis, Practice, LoadPattern.SpinalExtension, LoadPattern.Impact),
        Out(Condition.Spondylolisthesis, Practice, LoadPattern.LoadedExtension),
        Care(Condition.Spondylolisthesis, Practice, LoadPattern.SpinalExtension, LoadPattern.Rotation, LoadPattern.Impact),

        Out(Condition.RecentBackSurgery, Practice, LoadPattern.LoadedFlexion, LoadPattern.LoadedExtension, LoadPattern.AxialTraction, LoadPattern.SpinalRolling, LoadPattern.Impact),
        Care(Condition.RecentBackSurgery, Practice, LoadPattern.SpinalFlexion, LoadPattern.SpinalExtension, LoadPattern.Rotation, LoadPattern.LateralFlexion, LoadPattern.Strength),

        Out(Condition.AcuteBackPain, Practice, LoadPattern.LoadedFlexion, LoadPattern.LoadedExtension, LoadPattern.Impact),
        Care(Condition.AcuteBackPain, Practice, LoadPattern.Rotation, LoadPattern.Strength, LoadPattern.AxialTraction),

        Care(Condition.ShoulderProblems, Practice, LoadPattern.ShoulderLoad),
        Care(Condition.WristProblems, Practice, LoadPattern.WristLoad),
        Care(Condition.KneeProblems, Practice, LoadPattern.Kneeling, LoadPattern.Impact),
        Out(Condition.Dizziness, Practice, LoadPattern.Balance),
        Care(Condition.Dizziness, Practice, LoadPattern.HeadDown, LoadPattern.SpinalRolling, LoadPattern.Impact),
    ];

    /// <summary>
    /// H5 names all three signs as reasons to see a doctor soon. New bowel or bladder trouble, groin
    /// numbness and weakening legs together with back pain can mean nerve compression, which common
    /// practice treats as an emergency.
    /// </summary>
    public static readonly IReadOnlyList<RedFlagRule> RedFlags =
    [
        new(RedFlag.PainOverTwoWeeks, RedFlagUrgency.SeeDoctorSoon, H5),
        new(RedFlag.TroubleWalking, RedFlagUrgency.Emergency, H5),
        new(RedFlag.BowelOrBladder, RedFlagUrgency.Emergency, H5),
        new(RedFlag.GroinNumbness, RedFlagUrgency.Emergency, Practice),
    ];

    public static ProgrammeRule? ProgrammeFor(Condition condition) => Programme.FirstOrDefault(r => r.Condition == condition);

    public static IReadOnlyList<Condition> WithEffect(ProgrammeEffect effect) =>
        Programme.Where(r => r.Effect == effect).Select(r => r.Condition).ToList();

    public static RedFlagUrgency Urgency(RedFlag flag) => RedFlags.Single(r => r.Flag == flag).Urgency;

    /// <summary>The rows that apply to an exercise loading the body in these ways, with the patterns that match.</summary>
    public static IEnumerable<(PatternRule Rule, IReadOnlyList<LoadPattern> Matched)> Matching(IReadOnlyCollection<LoadPattern> patterns, Condition condition)
    {
        foreach (var rule in Patterns.Where(r => r.Condition == condition))
        {
            var matched = rule.Patterns.Where(patterns.Contains).ToList();
            if (matched.Count > 0) yield return (rule, matched);
        }
    }

    private static PatternRule Out(Condition condition, RuleSource source, params LoadPattern[] patterns) =>
        new(condition, RuleEffect.RulesOut, patterns, source);

    private static PatternRule Care(Condition condition, RuleSource source, params LoadPattern[] patterns) =>
        new(condition, RuleEffect.NeedsCare, patterns, source);
}
