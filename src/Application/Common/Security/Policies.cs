using CaseManager.Domain.Users;

namespace CaseManager.Application.Common.Security;

/// <summary>
/// The authorisation policies, by name, with the roles each admits. This is the one definition: the web edge
/// builds its ASP.NET policies from it and the mediator pipeline checks the same table for every message.
/// </summary>
public static class Policies
{
    /// <summary>Read people and cases (always narrowed further by the record access rule).</summary>
    public const string ReadCaseData = nameof(ReadCaseData);

    /// <summary>Create and change people and cases.</summary>
    public const string WriteCaseData = nameof(WriteCaseData);

    /// <summary>Decide exits and see the team's work.</summary>
    public const string ManageCases = nameof(ManageCases);

    /// <summary>Users, agencies and reference data. Carries no access to case data.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Sharing agreements, audit and break-glass review.</summary>
    public const string InformationGovernance = nameof(InformationGovernance);

    /// <summary>
    /// Emergency access to a person's records (DOMAIN.md IS7 (3)): for those who work cases and may meet someone at
    /// risk. Claims officers and the IG lead read case data but never break glass; the IG lead reviews its use.
    /// </summary>
    public const string BreakGlass = nameof(BreakGlass);

    /// <summary>The partnership report for the board: managers and the information governance lead.</summary>
    public const string PartnershipReport = nameof(PartnershipReport);

    /// <summary>Payment-by-results claims.</summary>
    public const string Claims = nameof(Claims);

    /// <summary>
    /// How far the background derivation of sharing rights has got (ADR 0026): the IG lead, who changes agreements,
    /// and the administrator, who changes agencies' schemes. Counts only, no case data.
    /// </summary>
    public const string SharingRightDerivations = nameof(SharingRightDerivations);

    /// <summary>Background jobs only: the system actor.</summary>
    public const string SystemJob = nameof(SystemJob);

    private static readonly Dictionary<string, PolicyDefinition> Definitions = new()
    {
        [ReadCaseData] = new([Role.Caseworker, Role.Manager, Role.ClaimsOfficer, Role.InformationGovernance]),
        [WriteCaseData] = new([Role.Caseworker, Role.Manager]),
        [ManageCases] = new([Role.Manager]),
        [Administer] = new([Role.Administrator]),
        [InformationGovernance] = new([Role.InformationGovernance]),
        [BreakGlass] = new([Role.Caseworker, Role.Manager]),
        [Claims] = new([Role.ClaimsOfficer]),
        [PartnershipReport] = new([Role.Manager, Role.InformationGovernance]),
        [SharingRightDerivations] = new([Role.InformationGovernance, Role.Administrator]),
        [SystemJob] = new([], AllowsSystem: true),
    };

    public static IReadOnlyDictionary<string, PolicyDefinition> All => Definitions;

    public static PolicyDefinition Get(string policy) =>
        Definitions.TryGetValue(policy, out var definition)
            ? definition
            : throw new InvalidOperationException($"Unknown policy '{policy}'.");

    public static bool Allows(string policy, Actor actor)
    {
        var definition = Get(policy);
        return actor.IsSystem ? definition.AllowsSystem : definition.Roles.Any(actor.IsInRole);
    }
}

public sealed record PolicyDefinition(IReadOnlyList<Role> Roles, bool AllowsSystem = false);
