using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;

namespace CaseManager.Application.Households;

/// <summary>A household as the API and pages show it (API.md "Households and families"): only the members the reader may see.</summary>
public sealed record HouseholdView(
    Guid Id,
    string? Name,
    string? Address,
    string OwnerAgency,
    string DataCategory,
    int Version,
    DateTimeOffset CreatedAt,
    IReadOnlyList<HouseholdMemberView> Members,
    IReadOnlyList<HouseholdCaseItem> Cases);

public sealed record HouseholdMemberView(
    Guid MemberId,
    Guid PersonId,
    string? PersonName,
    DateOnly? DateOfBirth,
    string Relationship,
    DateOnly From,
    DateOnly? To);

/// <summary>A family case of the household that the reader may see.</summary>
public sealed record HouseholdCaseItem(
    Guid Id,
    [property: NamesOf(typeof(Scheme))] string Scheme,
    [property: NamesOf(typeof(CaseStatus))] string Status,
    string OwnerAgency,
    DateOnly StartDate,
    DateOnly? ExitedOn,
    Guid? LeadProfessional,
    RecordAccessExplanation? Access = null);

/// <summary>One of a person's memberships (GET /people/{id}/households).</summary>
public sealed record PersonHouseholdItem(
    Guid HouseholdId,
    string? Name,
    Guid MemberId,
    string Relationship,
    DateOnly From,
    DateOnly? To,
    string OwnerAgency);
