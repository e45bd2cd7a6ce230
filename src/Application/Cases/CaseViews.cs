using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Treatment;
using CaseManager.Domain.Cases;

namespace CaseManager.Application.Cases;

/// <summary>One case as the API and pages show it (API.md "Cases").</summary>
public sealed record CaseView(
    Guid Id,
    string Scheme,
    [property: NamesOf(typeof(CaseStatus))] string Status,
    Guid? PersonId,
    string? PersonName,
    string OwnerAgency,
    string DataCategory,
    Guid? AllocatedTo,
    string? AllocatedToName,
    DateOnly StartDate,
    DateOnly? ExitedOn,
    DateOnly? NextReviewDue,
    string? Cohort,
    string? Tier,
    string? SelectionReason,
    string? SelectionScore,
    string? PanelNote,
    bool Mappa,
    bool Ppo,
    decimal? PredictedReoffendingRate,
    CustodyView? Custody,
    ExitNominationView? PendingExitNomination,
    IReadOnlyList<ExitNominationView> ExitNominations,
    int Version,
    DateTimeOffset CreatedAt,
    RecordAccessExplanation? Access,
    Guid? HouseholdId = null,
    Guid? LeadProfessional = null,
    TreatmentView? Treatment = null,
    bool? SuccessfulCompletion = null,
    bool? Representation = null)
{
    public static CaseView From(Case found, string? personName, IReadOnlyDictionary<Guid, string> userNames, RecordAccessExplanation? access)
    {
        var nominations = found.ExitNominations.OrderBy(n => n.NominatedAt).Select(n => ExitNominationView.From(n, userNames)).ToList();
        return new CaseView(
            found.Id.Value,
            found.Scheme.ToString(),
            found.Status.ToString(),
            found.PersonId?.Value,
            personName,
            found.OwnerAgency.Value,
            found.DataCategory.ToString(),
            found.AllocatedTo,
            found.AllocatedTo is { } worker ? userNames.GetValueOrDefault(worker) : null,
            found.StartDate,
            found.ExitedOn,
            found.NextReviewDue,
            found.Iom?.Cohort,
            found.Iom?.Tier,
            found.Iom?.SelectionReason,
            found.Iom?.SelectionScore,
            found.Iom?.PanelNote,
            found.Iom?.Mappa ?? false,
            found.Iom?.Ppo ?? false,
            found.Iom?.PredictedReoffendingRate,
            found.Custody is { } custody ? new CustodyView(custody.InCustody, custody.Establishment, custody.ExpectedRelease) : null,
            nominations.SingleOrDefault(n => n.Decision is null),
            nominations,
            found.Version,
            found.CreatedAt,
            access,
            found.HouseholdId?.Value,
            found.LeadProfessional);
    }

    /// <summary>The users a view of this case names: to look their display names up in one go.</summary>
    public static IReadOnlyCollection<Guid> UsersNamedBy(Case found) =>
        found.ExitNominations.SelectMany(n => new[] { n.NominatedBy, n.DecidedBy ?? Guid.Empty })
            .Append(found.AllocatedTo ?? Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Distinct()
            .ToList();
}

public sealed record CustodyView(bool InCustody, string? Establishment, DateOnly? ExpectedRelease);

public sealed record ExitNominationView(
    Guid Id,
    [property: NamesOf(typeof(ExitReason))] string Reason,
    string Note,
    string? Evidence,
    Guid NominatedBy,
    string? NominatedByName,
    DateTimeOffset NominatedAt,
    [property: NamesOf(typeof(ExitDecision))] string? Decision,
    Guid? DecidedBy,
    string? DecidedByName,
    DateTimeOffset? DecidedAt,
    string? DecisionNote)
{
    public static ExitNominationView From(ExitNomination nomination, IReadOnlyDictionary<Guid, string> userNames) => new(
        nomination.Id,
        nomination.Reason.ToString(),
        nomination.Note,
        nomination.Evidence,
        nomination.NominatedBy,
        userNames.GetValueOrDefault(nomination.NominatedBy),
        nomination.NominatedAt,
        nomination.Decision?.ToString(),
        nomination.DecidedBy,
        nomination.DecidedBy is { } decider ? userNames.GetValueOrDefault(decider) : null,
        nomination.DecidedAt,
        nomination.DecisionNote);
}

/// <summary>A row of a caseload (API.md "GET /cases").</summary>
public sealed record CaseListItem(
    Guid Id,
    string Scheme,
    [property: NamesOf(typeof(CaseStatus))] string Status,
    Guid? PersonId,
    string? PersonName,
    string OwnerAgency,
    string DataCategory,
    Guid? AllocatedTo,
    string? AllocatedToName,
    DateOnly StartDate,
    DateOnly? ExitedOn,
    DateOnly? NextReviewDue,
    DateTimeOffset? LastContact,
    string? Cohort,
    string? Tier,
    [property: NamesOf("ExitNominated", "ReviewOverdue", "InCustody", "Mappa", "Ppo")] IReadOnlyList<string> Flags,
    RecordAccessExplanation? Access = null);
