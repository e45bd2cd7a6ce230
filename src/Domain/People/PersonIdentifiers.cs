using CaseManager.Domain.Common;

namespace CaseManager.Domain.People;

/// <summary>
/// The numbers other systems know a person by: Police National Computer id, probation case reference number,
/// NHS number and unique pupil number. Each is optional.
/// </summary>
public sealed record PersonIdentifiers
{
    public static readonly PersonIdentifiers None = new(null, null, null, null);

    private PersonIdentifiers(string? pnc, string? crn, string? nhsNumber, string? upn)
    {
        Pnc = pnc;
        Crn = crn;
        NhsNumber = nhsNumber;
        Upn = upn;
    }

    public string? Pnc { get; }

    public string? Crn { get; }

    public string? NhsNumber { get; }

    public string? Upn { get; }

    public static PersonIdentifiers Create(string? pnc, string? crn, string? nhsNumber, string? upn)
    {
        var nhs = Guard.Optional(nhsNumber, 20, "person.invalid-nhs-number", "NHS number is too long");
        if (nhs is not null)
        {
            if (!People.NhsNumber.IsValid(nhs))
            {
                throw new DomainRuleException(
                    "person.invalid-nhs-number",
                    "Enter a valid NHS number: 10 digits with a correct check digit");
            }

            nhs = People.NhsNumber.Normalise(nhs);
        }

        return new PersonIdentifiers(
            Guard.Optional(pnc, 20, "person.invalid-pnc", "PNC id must be 20 characters or fewer")?.ToUpperInvariant(),
            Guard.Optional(crn, 20, "person.invalid-crn", "CRN must be 20 characters or fewer")?.ToUpperInvariant(),
            nhs,
            Guard.Optional(upn, 13, "person.invalid-upn", "UPN must be 13 characters or fewer")?.ToUpperInvariant());
    }
}
