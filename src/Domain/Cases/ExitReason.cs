namespace CaseManager.Domain.Cases;

/// <summary>
/// Why a person leaves a scheme (DOMAIN.md IOM6). One list for every scheme, so that the exit workflow is shared;
/// <see cref="ExitReasons.For"/> says which reasons a scheme accepts.
/// </summary>
public enum ExitReason
{
    /// <summary>Sustained progress: the risk the person posed has reduced.</summary>
    SustainedProgress,

    /// <summary>No offending or intelligence for a period (default 6 months, configurable).</summary>
    NoOffendingForPeriod,
    LongCustodialSentence,
    MovedOutOfArea,
    TransferredToMappa,
    Deceased,

    /// <summary>Any other reason, described in the note.</summary>
    Other,

    /// <summary>Families (FAM3): the plan's outcomes were achieved.</summary>
    OutcomesAchieved,

    /// <summary>Families: the family stopped engaging.</summary>
    Disengaged,

    /// <summary>Families: stepped down to universal services.</summary>
    SteppedDownToUniversalServices,

    /// <summary>Families: escalated to children's social care.</summary>
    EscalatedToChildrensSocialCare,

    // Treatment discharge reasons (DOMAIN.md DT2). The first three are the successful completions.
    CompletedDrugFree,
    CompletedAlcoholFree,
    CompletedOccasionalUser,
    TransferredInCustody,
    TransferredNotInCustody,
    DroppedOut,
    TreatmentWithdrawn,
    Declined,
    MovedAway,
    Died,
}

public static class ExitReasons
{
    private static readonly ExitReason[] Common = [ExitReason.SustainedProgress, ExitReason.MovedOutOfArea, ExitReason.Deceased, ExitReason.Other];

    private static readonly ExitReason[] Iom =
    [
        ExitReason.SustainedProgress, ExitReason.NoOffendingForPeriod, ExitReason.LongCustodialSentence, ExitReason.MovedOutOfArea,
        ExitReason.TransferredToMappa, ExitReason.Deceased, ExitReason.Other,
    ];

    private static readonly ExitReason[] Family =
    [
        ExitReason.OutcomesAchieved, ExitReason.MovedOutOfArea, ExitReason.Disengaged, ExitReason.SteppedDownToUniversalServices,
        ExitReason.EscalatedToChildrensSocialCare, ExitReason.Other,
    ];

    /// <summary>DT2: a treatment episode ends with one of the NDTMS discharge reasons, and only those.</summary>
    private static readonly ExitReason[] Treatment =
    [
        ExitReason.CompletedDrugFree, ExitReason.CompletedAlcoholFree, ExitReason.CompletedOccasionalUser,
        ExitReason.TransferredInCustody, ExitReason.TransferredNotInCustody, ExitReason.DroppedOut, ExitReason.TreatmentWithdrawn,
        ExitReason.Declined, ExitReason.MovedAway, ExitReason.Died,
    ];

    /// <summary>
    /// The reasons a scheme accepts. IOM takes the whole IOM6 list; the family schemes the family reasons; treatment
    /// schemes the DT2 discharge reasons; other schemes the reasons that apply to any work.
    /// </summary>
    public static IReadOnlyList<ExitReason> For(Agencies.Scheme scheme) => scheme switch
    {
        Agencies.Scheme.Iom => Iom,
        _ when Households.FamilySchemes.Contains(scheme) => Family,
        Agencies.Scheme.AdultTreatment or Agencies.Scheme.YoungPeopleTreatment => Treatment,
        _ => Common,
    };

    /// <summary>DT2: the discharge reasons that are a completion (before the substitute-medication exclusion).</summary>
    public static bool IsCompletion(ExitReason reason) =>
        reason is ExitReason.CompletedDrugFree or ExitReason.CompletedAlcoholFree or ExitReason.CompletedOccasionalUser;
}
