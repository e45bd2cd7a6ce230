using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.TroubledFamilies.ListTroubledFamilies;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.TroubledFamilies.ExportTroubledFamilies;

/// <summary>
/// The coordinator's whole list for download (CSV): the same families as <see cref="ListTroubledFamiliesQuery"/>, in
/// the same order, as at a day and in a phase (TF1 or TF4), unpaged. Worked out only from what the caller may see.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ExportTroubledFamiliesQuery(int? Phase = null, DateOnly? AsOf = null) : IQuery<TroubledFamiliesPage>;

public sealed class ExportTroubledFamiliesValidator : AbstractValidator<ExportTroubledFamiliesQuery>
{
    public ExportTroubledFamiliesValidator(PartnershipClock clock)
    {
        RuleFor(q => q.Phase).Must(p => p is null or 1 or 2).WithMessage("The phase is 1 or 2");
        RuleFor(q => q.AsOf).Must(d => d is null || d <= clock.Today).WithMessage("The date cannot be in the future");
    }
}

public sealed class ExportTroubledFamiliesHandler(TroubledFamiliesList list) : IQueryHandler<ExportTroubledFamiliesQuery, TroubledFamiliesPage>
{
    public async ValueTask<TroubledFamiliesPage> Handle(ExportTroubledFamiliesQuery query, CancellationToken cancellationToken)
    {
        var (phase, asOf, items) = await list.AllAsync(query.Phase, query.AsOf, "troubled-families.export", cancellationToken);
        return new TroubledFamiliesPage(phase, asOf, FamilyFactsReader.Basis, items, 1, items.Count, items.Count);
    }
}
