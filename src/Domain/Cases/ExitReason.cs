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
}

public static class ExitReasons
{
    private static readonly ExitReason[] Common = [ExitReason.SustainedProgress, ExitReason.MovedOutOfArea, ExitReason.Deceased, ExitReason.Other];

    private static readonly ExitReason[] Iom = Enum.GetValues<ExitReason>();

    /// <summary>The reasons a scheme accepts. IOM takes the whole IOM6 list; other schemes the reasons that apply to any work.</summary>
    public static IReadOnlyList<ExitReason> For(Agencies.Scheme scheme) => scheme == Agencies.Scheme.Iom ? Iom : Common;
}
