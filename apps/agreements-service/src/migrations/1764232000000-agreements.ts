import type { MigrationInterface, QueryRunner } from 'typeorm';

// Funding agreements, their contribution schedule (tranches) and the UN operational rates of exchange.
// Money is bigint minor units beside a currency; rates are kept as the decimal text finance typed.
// Allocations live in one jsonb document (they are read and written as a whole and versioned with the
// agreement); what the list filters on is copied beside it into indexed arrays.
export class Agreements1764232000000 implements MigrationInterface {
  name = 'Agreements1764232000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agreement (
        id uuid PRIMARY KEY,
        reference text NOT NULL,
        title text NOT NULL,
        partner_ids uuid[] NOT NULL,
        type text NOT NULL,
        funding_source text NOT NULL,
        earmarking_category text NOT NULL,
        aid_type text,
        flow_type text,
        finance_type text,
        currency char(3) NOT NULL,
        total_minor bigint NOT NULL CHECK (total_minor >= 0),
        psc_rate numeric(5, 2) NOT NULL,
        signed_on date,
        start_on date,
        end_on date,
        description text,
        status text NOT NULL DEFAULT 'DRAFT',
        status_reason text,
        responsible_officer_id uuid,
        delegate_ids uuid[] NOT NULL DEFAULT '{}',
        allocations jsonb NOT NULL,
        recipient_countries text[] NOT NULL DEFAULT '{}',
        recipient_regions text[] NOT NULL DEFAULT '{}',
        pb_outcomes text[] NOT NULL DEFAULT '{}',
        total_usd_minor bigint,
        usd_rate text,
        usd_rate_month char(7),
        received_minor bigint NOT NULL DEFAULT 0,
        received_usd_minor bigint NOT NULL DEFAULT 0,
        search_text text NOT NULL DEFAULT '',
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        updated_by text NOT NULL,
        CONSTRAINT agreement_reference_uq UNIQUE (reference)
      )`);
    for (const index of [
      'CREATE INDEX agreement_status_idx ON agreement (status)',
      'CREATE INDEX agreement_source_idx ON agreement (funding_source)',
      'CREATE INDEX agreement_updated_idx ON agreement (updated_at DESC, id)',
      'CREATE INDEX agreement_dates_idx ON agreement (start_on, end_on)',
      'CREATE INDEX agreement_usd_idx ON agreement (total_usd_minor)',
      'CREATE INDEX agreement_officer_idx ON agreement (responsible_officer_id)',
      'CREATE INDEX agreement_partners_idx ON agreement USING gin (partner_ids)',
      'CREATE INDEX agreement_delegates_idx ON agreement USING gin (delegate_ids)',
      'CREATE INDEX agreement_countries_idx ON agreement USING gin (recipient_countries)',
      'CREATE INDEX agreement_regions_idx ON agreement USING gin (recipient_regions)',
      'CREATE INDEX agreement_outcomes_idx ON agreement USING gin (pb_outcomes)',
      'CREATE INDEX agreement_rate_idx ON agreement (currency, usd_rate_month)',
    ]) {
      await db.query(index);
    }
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(
      `CREATE INDEX agreement_search_trgm_idx ON agreement USING gin (search_text gin_trgm_ops)`,
    );
    // The last number handed out per funding source and year: XBDC-2026-0042.
    await db.query(`
      CREATE TABLE agreement_reference_counter (
        prefix text NOT NULL,
        year integer NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (prefix, year)
      )`);
    await db.query(`
      CREATE TABLE tranche (
        id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
        sequence integer NOT NULL,
        planned_on date NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        conditions text,
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'INVOICED', 'RECEIVED', 'CANCELLED')),
        invoiced_on date,
        invoice_reference text,
        received_on date,
        received_minor bigint,
        received_rate text,
        received_rate_month char(7),
        received_usd_minor bigint,
        cancel_reason text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tranche_sequence_uq UNIQUE (agreement_id, sequence)
      )`);
    await db.query(
      `CREATE INDEX tranche_open_idx ON tranche (agreement_id, planned_on) WHERE status IN ('PLANNED', 'INVOICED')`,
    );
    await db.query(`
      CREATE TABLE currency_rate (
        currency char(3) NOT NULL,
        month char(7) NOT NULL,
        rate_per_usd text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        PRIMARY KEY (currency, month)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE currency_rate`);
    await db.query(`DROP TABLE tranche`);
    await db.query(`DROP TABLE agreement_reference_counter`);
    await db.query(`DROP TABLE agreement`);
  }
}
