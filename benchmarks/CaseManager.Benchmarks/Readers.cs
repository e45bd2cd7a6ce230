using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Users;

namespace CaseManager.Benchmarks;

/// <summary>
/// Who reads, and what. Each scenario is chosen so that the shared branches of the rule do real work: most rows
/// on the caseload and the timeline are owned by another agency.
/// </summary>
public enum Scenario
{
    /// <summary>A probation officer on the IOM caseload: police IOM cases come through the IOM agreement (no consent).</summary>
    ProbationIom,

    /// <summary>A FIT keyworker on the Troubled Families caseload: housing, social care and drug service cases need Think Family consent.</summary>
    FitTroubledFamilies,
}

public static class Readers
{
    public static readonly Guid ProbationOfficerId = Guid.Parse("0199b000-0000-7000-8000-00000000a001");

    public static readonly Guid FitKeyworkerId = Guid.Parse("0199b000-0000-7000-8000-00000000a002");

    /// <summary>Family names of the two people whose timelines are read (made by the generator, one of each).</summary>
    public const string IomNominal = "Benchmark-Nominal";

    public const string FamilyMember = "Benchmark-Family";

    public static Actor ActorFor(Scenario scenario) => scenario switch
    {
        Scenario.ProbationIom => Actor.ForUser(ProbationOfficerId, "offender.manager@probation.bench", "Probation officer", AgencyCode.Parse("PROBATION"), [Role.Caseworker]),
        _ => Actor.ForUser(FitKeyworkerId, "keyworker@fit.bench", "FIT keyworker", AgencyCode.Parse("FIT"), [Role.Caseworker]),
    };

    public static Scheme CaseloadScheme(Scenario scenario) =>
        scenario == Scenario.ProbationIom ? Scheme.Iom : Scheme.TroubledFamilies;

    public static string TimelinePerson(Scenario scenario) =>
        scenario == Scenario.ProbationIom ? IomNominal : FamilyMember;
}
