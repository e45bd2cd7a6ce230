using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Cases;
using FluentValidation;

namespace CaseManager.Application.Cases;

/// <summary>IOM selection and custody as entered, on opening a case and on changing it.</summary>
public interface IIomDetailsInput
{
    string? Cohort { get; }

    string? Tier { get; }

    string? SelectionReason { get; }

    string? SelectionScore { get; }

    string? PanelNote { get; }

    bool Mappa { get; }

    bool Ppo { get; }

    decimal? PredictedReoffendingRate { get; }

    CustodyInput? Custody { get; }
}

/// <summary>The rules for IOM details (DOMAIN.md IOM2, IOM3): cohort and tier come from the partnership's own lists.</summary>
public sealed class IomDetailsRules<T> : AbstractValidator<T>
    where T : IIomDetailsInput
{
    public IomDetailsRules(IomOptions options)
    {
        RuleFor(c => c.Cohort).NotEmpty().WithMessage("Select the cohort")
            .Must(c => options.MatchCohort(c) is not null).When(c => !string.IsNullOrWhiteSpace(c.Cohort), ApplyConditionTo.CurrentValidator)
            .WithMessage($"The cohort must be one of {string.Join(", ", options.CohortList)}");
        RuleFor(c => c.Tier).Must(t => options.MatchTier(t) is not null).When(c => !string.IsNullOrWhiteSpace(c.Tier))
            .WithMessage($"The tier must be one of {string.Join(", ", options.TierList)}");
        RuleFor(c => c.SelectionReason).NotEmpty().WithMessage("Give the reason the panel selected the person")
            .MaximumLength(4000).WithMessage("The selection reason must be 4000 characters or fewer");
        RuleFor(c => c.SelectionScore).MaximumLength(100).WithMessage("The score must be 100 characters or fewer");
        RuleFor(c => c.PanelNote).MaximumLength(4000).WithMessage("The panel note must be 4000 characters or fewer");
        RuleFor(c => c.PredictedReoffendingRate).InclusiveBetween(0, 100).WithMessage("The predicted re-offending rate is a percentage between 0 and 100");
        When(c => c.Custody is { InCustody: true }, () =>
        {
            RuleFor(c => c.Custody!.Establishment).NotEmpty().WithName("Custody.Establishment").WithMessage("Enter the prison or establishment")
                .MaximumLength(200).WithMessage("The establishment must be 200 characters or fewer");
        });
    }
}

public static class IomDetailsInput
{
    public static IomDetails ToDetails(IIomDetailsInput input, IomOptions options) => new(
        options.MatchCohort(input.Cohort) ?? input.Cohort ?? string.Empty,
        options.MatchTier(input.Tier),
        input.SelectionReason ?? string.Empty,
        input.SelectionScore,
        input.PanelNote,
        input.Mappa,
        input.Ppo,
        input.PredictedReoffendingRate);

    public static CustodyStatus ToCustody(IIomDetailsInput input) =>
        input.Custody is { } custody ? new CustodyStatus(custody.InCustody, custody.Establishment, custody.ExpectedRelease) : CustodyStatus.InCommunity;
}

/// <summary>
/// The free-text rule for the IOM fields, whatever the scheme: a case of another scheme sent with IOM fields must not
/// carry control characters either.
/// </summary>
public sealed class IomTextRules<T> : AbstractValidator<T>
    where T : IIomDetailsInput
{
    public IomTextRules()
    {
        RuleFor(c => c.Cohort).PlainText();
        RuleFor(c => c.Tier).PlainText();
        RuleFor(c => c.SelectionReason).MultilineText();
        RuleFor(c => c.SelectionScore).PlainText();
        RuleFor(c => c.PanelNote).MultilineText();
        When(c => c.Custody is not null, () => RuleFor(c => c.Custody!.Establishment).PlainText().WithName("Custody.Establishment"));
    }
}
