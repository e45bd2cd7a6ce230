using CaseManager.Application.Common.Validation;
using FluentValidation;

namespace CaseManager.Application.People;

/// <summary>The fields a caseworker enters about a person, shared by registering and correcting.</summary>
public interface IPersonDetailsInput
{
    string GivenName { get; }

    string FamilyName { get; }

    DateOnly? DateOfBirth { get; }

    string? Gender { get; }

    PersonIdentifierValues? Identifiers { get; }

    string? Address { get; }
}

/// <summary>Shape rules for a person's details, so that bad input is a 400 with field errors, not a broken domain rule.</summary>
public sealed class PersonDetailsRules : AbstractValidator<IPersonDetailsInput>
{
    public PersonDetailsRules(TimeProvider clock)
    {
        RuleFor(c => c.GivenName).NotEmpty().WithMessage("Enter the person's given name")
            .MaximumLength(100).WithMessage("Given name must be 100 characters or fewer");
        RuleFor(c => c.FamilyName).NotEmpty().WithMessage("Enter the person's family name")
            .MaximumLength(100).WithMessage("Family name must be 100 characters or fewer");
        RuleFor(c => c.DateOfBirth).NotNull().WithMessage("Enter the person's date of birth")
            .Must(dob => dob <= Today(clock)).WithMessage("Date of birth must be in the past")
            .Must(dob => dob >= Today(clock).AddYears(-130)).WithMessage("Date of birth must be within the last 130 years");
        RuleFor(c => c.Gender).MaximumLength(50).WithMessage("Gender must be 50 characters or fewer");
        RuleFor(c => c.Address).MaximumLength(500).WithMessage("Address must be 500 characters or fewer");
        RuleFor(c => c.GivenName).PlainText();
        RuleFor(c => c.FamilyName).PlainText();
        RuleFor(c => c.Gender).PlainText();
        RuleFor(c => c.Address).MultilineText();
        When(c => c.Identifiers is not null, () =>
        {
            RuleFor(c => c.Identifiers!.Pnc).MaximumLength(20).WithMessage("PNC id must be 20 characters or fewer")
                .OverridePropertyName("identifiers.pnc");
            RuleFor(c => c.Identifiers!.Crn).MaximumLength(20).WithMessage("CRN must be 20 characters or fewer")
                .OverridePropertyName("identifiers.crn");
            RuleFor(c => c.Identifiers!.Upn).MaximumLength(13).WithMessage("UPN must be 13 characters or fewer")
                .OverridePropertyName("identifiers.upn");
            RuleFor(c => c.Identifiers!.NhsNumber)
                .NhsNumber()
                .WithMessage("Enter a valid NHS number: 10 digits with a correct check digit")
                .OverridePropertyName("identifiers.nhsNumber");
            RuleFor(c => c.Identifiers!.Pnc).PlainText().OverridePropertyName("identifiers.pnc");
            RuleFor(c => c.Identifiers!.Crn).PlainText().OverridePropertyName("identifiers.crn");
            RuleFor(c => c.Identifiers!.Upn).PlainText().OverridePropertyName("identifiers.upn");
            RuleFor(c => c.Identifiers!.NhsNumber).PlainText().OverridePropertyName("identifiers.nhsNumber");
        });
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
