using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Treatment;
using FluentValidation;

namespace CaseManager.Application.Treatment;

/// <summary>The referral as entered (API.md <c>referral</c>).</summary>
public sealed record ReferralInput(DateOnly? Date, string? Source);

/// <summary>Substances as entered (API.md <c>substances</c>).</summary>
public sealed record SubstancesInput(TreatmentSubstance? Primary, TreatmentSubstance? Secondary = null, TreatmentSubstance? Tertiary = null);

/// <summary>A treatment episode's details as entered on opening a treatment case (DOMAIN.md DT1).</summary>
public interface ITreatmentDetailsInput
{
    Scheme? Scheme { get; }

    Guid? AllocatedTo { get; }

    ReferralInput? Referral { get; }

    DateOnly? TriageDate { get; }

    SubstancesInput? Substances { get; }

    InjectingStatus? InjectingStatus { get; }

    /// <summary>The care coordinator: the worker the case is allocated to (ADR 0020).</summary>
    Guid? CareCoordinator { get; }
}

/// <summary>
/// DT1 on opening a case: a treatment scheme needs its referral, substances and injecting status; any other scheme
/// must not be sent them (400 either way, nothing saved).
/// </summary>
public sealed class TreatmentDetailsRules<T> : AbstractValidator<T>
    where T : ITreatmentDetailsInput
{
    public TreatmentDetailsRules(PartnershipClock clock)
    {
        // Text is checked whatever the scheme, so a control character is refused even where the field is refused too.
        RuleFor(c => c.Referral!.Source).PlainText().WithName("Referral.Source").When(c => c.Referral is not null);
        When(c => c.Scheme is { } scheme && TreatmentEpisode.IsTreatment(scheme), () =>
        {
            RuleFor(c => c.Referral).NotNull().WithMessage("Enter the referral date and source");
            When(c => c.Referral is not null, () =>
            {
                RuleFor(c => c.Referral!.Date).NotNull().WithName("Referral.Date").WithMessage("Enter the referral date")
                    .Must(d => d <= clock.Today).WithMessage("The referral date cannot be in the future");
                RuleFor(c => c.Referral!.Source).NotEmpty().WithName("Referral.Source").WithMessage("Enter the referral source")
                    .MaximumLength(100).WithMessage("The referral source must be 100 characters or fewer");
            });
            RuleFor(c => c.TriageDate).Must(d => d is null || d <= clock.Today).WithMessage("The triage date cannot be in the future")
                .Must((c, d) => d is null || c.Referral?.Date is not { } referred || d >= referred).WithMessage("The triage date cannot be before the referral date");
            RuleFor(c => c.Substances).NotNull().WithMessage("Select the primary substance");
            When(c => c.Substances is not null, () =>
            {
                RuleFor(c => c.Substances!.Primary).NotNull().WithName("Substances.Primary").WithMessage("Select the primary substance")
                    .IsInEnum().WithMessage("Select a substance from the list");
                RuleFor(c => c.Substances!.Secondary).IsInEnum().WithName("Substances.Secondary").WithMessage("Select a substance from the list")
                    .Must((c, s) => s is null || s != c.Substances!.Primary).WithMessage("The secondary substance must differ from the primary");
                RuleFor(c => c.Substances!.Tertiary).IsInEnum().WithName("Substances.Tertiary").WithMessage("Select a substance from the list")
                    .Must((c, s) => s is null || c.Substances!.Secondary is not null).WithMessage("Select the secondary substance before the tertiary")
                    .Must((c, s) => s is null || (s != c.Substances!.Primary && s != c.Substances!.Secondary)).WithMessage("The tertiary substance must differ from the others");
            });
            RuleFor(c => c.InjectingStatus).NotNull().WithMessage("Select the injecting status").IsInEnum().WithMessage("Select an injecting status from the list");
            RuleFor(c => c.CareCoordinator)
                .Must((c, coordinator) => coordinator is null || c.AllocatedTo is null || coordinator == c.AllocatedTo)
                .WithMessage("The care coordinator is the worker the case is allocated to: give one of them, or the same worker");
        });
        When(c => c.Scheme is { } scheme && !TreatmentEpisode.IsTreatment(scheme), () =>
        {
            const string OnlyTreatment = "Only adult and young people's treatment cases have treatment details";
            RuleFor(c => c.Referral).Null().WithMessage(OnlyTreatment);
            RuleFor(c => c.TriageDate).Null().WithMessage(OnlyTreatment);
            RuleFor(c => c.Substances).Null().WithMessage(OnlyTreatment);
            RuleFor(c => c.InjectingStatus).Null().WithMessage(OnlyTreatment);
            RuleFor(c => c.CareCoordinator).Null().WithMessage(OnlyTreatment);
        });
    }
}
