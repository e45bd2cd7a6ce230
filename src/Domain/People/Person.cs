using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;

namespace CaseManager.Domain.People;

/// <summary>
/// A person known to the partnership: an offender, a family member, a client in treatment, a victim.
/// The record is owned by the agency that created it and holds <see cref="DataCategory.Identity"/> data.
/// </summary>
public sealed class Person : AggregateRoot, IAgencyOwned
{
    private Person()
    {
        GivenName = string.Empty;
        FamilyName = string.Empty;
        Identifiers = PersonIdentifiers.None;
    }

    public PersonId Id { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; }

    public string GivenName { get; private set; }

    public string FamilyName { get; private set; }

    public DateOnly DateOfBirth { get; private set; }

    public string? Gender { get; private set; }

    public PersonIdentifiers Identifiers { get; private set; }

    public string? Address { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    /// <summary>Upper-cased "given family" name, kept so that search is an indexed, case-insensitive match in SQL.</summary>
    public string SearchName { get; private set; } = string.Empty;

    public static Person Register(PersonDetails details, AgencyCode owner, Guid createdBy, DateTimeOffset at)
    {
        var person = new Person
        {
            Id = PersonId.New(),
            OwnerAgency = owner,
            DataCategory = DataCategory.Identity,
            CreatedAt = at,
            CreatedBy = createdBy,
        };
        person.Apply(details, at);
        return person;
    }

    /// <summary>Corrects the person's details; the caller has already been allowed to edit this record.</summary>
    public void Correct(PersonDetails details, DateTimeOffset at)
    {
        Apply(details, at);
        IncrementVersion();
    }

    public string FullName => $"{GivenName} {FamilyName}";

    private void Apply(PersonDetails details, DateTimeOffset at)
    {
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        if (details.DateOfBirth > today)
        {
            throw new DomainRuleException("person.date-of-birth-in-future", "Date of birth must be in the past");
        }

        if (details.DateOfBirth < today.AddYears(-130))
        {
            throw new DomainRuleException("person.date-of-birth-too-old", "Date of birth must be within the last 130 years");
        }

        GivenName = Guard.Required(details.GivenName, "person.given-name-required", "Enter the person's given name", 100);
        FamilyName = Guard.Required(details.FamilyName, "person.family-name-required", "Enter the person's family name", 100);
        DateOfBirth = details.DateOfBirth;
        Gender = Guard.Optional(details.Gender, 50, "person.gender-too-long", "Gender must be 50 characters or fewer");
        Address = Guard.Optional(details.Address, 500, "person.address-too-long", "Address must be 500 characters or fewer");
        Identifiers = details.Identifiers ?? PersonIdentifiers.None;
        SearchName = $"{GivenName} {FamilyName}".ToUpperInvariant();
    }
}

/// <summary>What a caseworker enters about a person.</summary>
public sealed record PersonDetails(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string? Gender = null,
    PersonIdentifiers? Identifiers = null,
    string? Address = null);
