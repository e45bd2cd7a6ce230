using CaseManager.Domain.People;

namespace CaseManager.Application.People;

/// <summary>The identifiers of a person as shown and sent over the API.</summary>
public sealed record PersonIdentifierValues(string? Pnc, string? Crn, string? NhsNumber, string? Upn)
{
    public static PersonIdentifierValues From(PersonIdentifiers identifiers) =>
        new(identifiers.Pnc, identifiers.Crn, identifiers.NhsNumber, identifiers.Upn);

    public PersonIdentifiers ToDomain() => PersonIdentifiers.Create(Pnc, Crn, NhsNumber, Upn);
}

/// <summary>
/// Why the reader may see a record that another agency owns (null when the reader's agency owns it).
/// </summary>
public sealed record RecordAccessExplanation(string Rule, Guid? AgreementId = null, Guid? ConsentId = null, Guid? GrantId = null);

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
    string DataCategory);
