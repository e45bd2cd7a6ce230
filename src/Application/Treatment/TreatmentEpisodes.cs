using CaseManager.Application.Cases;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Treatment;

/// <summary>
/// What the shared case workflow does for treatment schemes: opening a treatment case opens its episode (DT1),
/// approving its exit discharges it (DT2), and its view adds the episode, read through the access rule.
/// </summary>
public sealed class TreatmentEpisodes(IAppDbContext db, IRecordAccess access, PartnershipClock clock, IOptions<TreatmentOptions> options)
{
    /// <summary>The episode of a case just opened: nothing for other schemes (their validator refused treatment fields).</summary>
    public void OpenFor(Case opened, ITreatmentDetailsInput input)
    {
        if (!TreatmentEpisode.IsTreatment(opened.Scheme))
        {
            return;
        }

        var details = new TreatmentDetails(
            input.Referral!.Date!.Value,
            input.Referral.Source,
            input.TriageDate,
            input.Substances!.Primary!.Value,
            input.Substances.Secondary,
            input.Substances.Tertiary,
            input.InjectingStatus!.Value);
        db.TreatmentEpisodes.Add(TreatmentEpisode.Open(opened, details, clock.Today, clock.Now));
    }

    /// <summary>The case's exit was approved: its episode (if it has one) is discharged with the DT2 outcome.</summary>
    public async Task DischargeAsync(Case exited, CancellationToken cancellationToken)
    {
        if (!TreatmentEpisode.IsTreatment(exited.Scheme)
            || await db.TreatmentEpisodes.SingleOrDefaultAsync(e => e.CaseId == exited.Id, cancellationToken) is not { } episode)
        {
            return;
        }

        var interventions = await db.TreatmentInterventions.Where(i => i.CaseId == exited.Id).ToListAsync(cancellationToken);
        episode.Discharge(exited, interventions);
    }

    /// <summary>
    /// The case view with the treatment episode, where the reader may read it (the access rule, in SQL): an episode
    /// this command created or changed is already in hand. Re-presentation is worked out from the later episodes of
    /// the person that the reader may read; a young people's episode says whether it is a re-referral, from the
    /// earlier young people's episodes of the person that the reader may read.
    /// </summary>
    public async Task<CaseView> AddToAsync(CaseView view, Case found, IReadOnlyDictionary<Guid, string> userNames, CancellationToken cancellationToken)
    {
        if (!TreatmentEpisode.IsTreatment(found.Scheme))
        {
            return view;
        }

        var episode = db.TreatmentEpisodes.Local.FirstOrDefault(e => e.CaseId == found.Id)
            ?? await access.Readable(db.TreatmentEpisodes.AsNoTracking()).SingleOrDefaultAsync(e => e.CaseId == found.Id, cancellationToken);
        if (episode is null)
        {
            return view;
        }

        var later = episode is { SuccessfulCompletion: true, DischargedOn: { } discharged }
            ? await access.Readable(db.TreatmentEpisodes.AsNoTracking())
                .Where(e => e.PersonId == episode.PersonId && e.CaseId != episode.CaseId && e.StartDate >= discharged)
                .Select(e => e.StartDate)
                .ToListAsync(cancellationToken)
            : [];
        // DT4 "young people re-referred": a young people's episode after an earlier one of the same young person.
        bool? rereferral = episode.Service == Scheme.YoungPeopleTreatment
            ? await access.Readable(db.TreatmentEpisodes.AsNoTracking()).AnyAsync(e => e.PersonId == episode.PersonId && e.CaseId != episode.CaseId
                && e.Service == Scheme.YoungPeopleTreatment && e.StartDate < episode.StartDate, cancellationToken)
            : null;
        var representation = TreatmentOutcomes.Representation(episode.SuccessfulCompletion, episode.DischargedOn, later, clock.Today, options.Value.RepresentationDays);
        var treatment = new TreatmentView(
            episode.ReferralDate,
            episode.ReferralSource,
            episode.TriageDate,
            episode.Service.ToString(),
            episode.PrimarySubstance.ToString(),
            episode.SecondarySubstance?.ToString(),
            episode.TertiarySubstance?.ToString(),
            episode.InjectingStatus.ToString(),
            episode.OpiateClient,
            found.AllocatedTo,
            found.AllocatedTo is { } worker ? userNames.GetValueOrDefault(worker) : null,
            episode.DischargedOn,
            episode.DischargeReason?.ToString(),
            episode.SuccessfulCompletion,
            representation,
            rereferral);
        return view with { Treatment = treatment, SuccessfulCompletion = episode.SuccessfulCompletion, Representation = representation };
    }
}
