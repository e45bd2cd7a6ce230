using CaseManager.Application.Common.Access;
using CaseManager.Domain.People;

namespace CaseManager.Application.People;

/// <summary>The identifiers of a person as shown and sent over the API.</summary>
public sealed record PersonIdentifierValues(string? Pnc, string? Crn, string? NhsNumber, string? Upn)
{
    public static PersonIdentifierValues From(PersonIdentifiers identifiers) =>
        new(identifiers.Pnc, identifiers.Crn, identifiers.NhsNumber, identifiers.Upn);

    public PersonIdentifiers ToDomain() => PersonIdentifiers.Create(Pnc, Crn, NhsNumber, Upn);
}

public sealed record PersonDetailsView(
    Guid Id,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string? Gender,
    PersonIdentifierValues Identifiers,
    string? Address,
    string OwnerAgency,
    string DataCategory,
    int Version,
    DateTimeOffset CreatedAt,
    RecordAccessExplanation? Access);

public sealed record PersonListItem(
    Guid Id,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string? Pnc,
    string? Crn,
    string OwnerAgency,
    string DataCategory,
    RecordAccessExplanation? Access = null);
