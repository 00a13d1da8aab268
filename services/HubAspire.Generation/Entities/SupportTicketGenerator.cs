using HubAspire.Core.Rules;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;

namespace HubAspire.Generation.Entities;

public sealed class SupportTicketGenerator : IEntityGenerator
{
    /// <summary>Mean resolution time in hours per priority, in <see cref="CrmValues.TicketPriorities"/> order.</summary>
    private static readonly double[] MeanResolutionHours = [3, 14, 40, 90];

    /// <summary>Probabilities of scores 1..5: happy customers when the SLA was met, unhappy ones when not.</summary>
    private static readonly double[] SatisfactionWhenMet = [.03, .07, .15, .40, .35];
    private static readonly double[] SatisfactionWhenMissed = [.15, .25, .30, .20, .10];

    public EntitySchema Schema => CrmSchema.SupportTickets;

    public void Fill(ColumnBatch batch, long firstId, int count, ref RandomStream random, in KeyedRandom keyed)
    {
        var id = batch.Int64("ticket_id");
        var contact = batch.Int64("contact_id");
        var company = batch.Int64("company_id");
        var category = batch.String("category");
        var priority = batch.String("priority");
        var status = batch.String("status");
        var resolution = batch.Double("resolution_hours");
        var satisfaction = batch.Int32("satisfaction_score");
        var interactions = batch.Int32("num_interactions");
        var created = batch.Timestamp("created_at");

        for (var i = 0; i < count; i++)
        {
            var contactId = 1 + random.Below(keyed.Counts.Contacts);
            var priorityIndex = random.PickIndex(CrmValues.TicketPriorities.Probabilities);
            var hours = Math.Round(Math.Clamp(random.Exponential(MeanResolutionHours[priorityIndex]), 0.5, 720), 1);

            id[i] = firstId + i;
            contact[i] = contactId;
            company[i] = keyed.ContactCompany(contactId);
            category[i] = random.Pick(CrmValues.TicketCategories);
            priority[i] = CrmValues.TicketPriorities.Values[priorityIndex];
            status[i] = random.Pick(CrmValues.TicketStatuses);
            resolution[i] = hours;
            satisfaction[i] = 1 + random.PickIndex(SupportSla.IsMet(priorityIndex, hours) ? SatisfactionWhenMet : SatisfactionWhenMissed);
            interactions[i] = random.Uniform(1, 30);
            created[i] = random.Timestamp();
        }

        batch.Count = count;
    }
}
