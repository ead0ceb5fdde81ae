import { Injectable } from '@nestjs/common';
import type { SavedView, SavedViewList } from '@pardev/contracts';
import { newId } from '@pardev/persistence';
import { DataSource } from 'typeorm';

type Row = { id: string; list: SavedViewList; name: string; query: string; created_at: Date | string };
const toView = (row: Row): SavedView => ({
  id: row.id,
  list: row.list,
  name: row.name,
  query: row.query,
  createdAt: new Date(row.created_at).toISOString(),
});

/** saved_view: a person's named list views, newest name order for menus. */
@Injectable()
export class SavedViewsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async of(userId: string, list: SavedViewList): Promise<SavedView[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT id, list, name, query, created_at FROM saved_view
       WHERE user_id = $1 AND list = $2 ORDER BY lower(name)`,
      [userId, list],
    );
    return rows.map(toView);
  }

  /**
   * Saves the view unless the person has `limit` views of the list already; null when they do. A name
   * they already use is refused by the unique index (the caller turns that into a conflict).
   */
  async insert(
    userId: string,
    view: { list: SavedViewList; name: string; query: string },
    limit: number,
  ): Promise<SavedView | null> {
    const rows: Row[] = await this.dataSource.query(
      `INSERT INTO saved_view (id, user_id, list, name, query)
       SELECT $1, $2, $3, $4, $5
       WHERE (SELECT count(*) FROM saved_view WHERE user_id = $2 AND list = $3) < $6
       RETURNING id, list, name, query, created_at`,
      [newId(), userId, view.list, view.name, view.query, limit],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Deletes one of the person's own views; false when they have none with that id. */
  async remove(userId: string, id: string): Promise<boolean> {
    // TypeORM answers a DELETE with [rows, affected count].
    const [, deleted]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM saved_view WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return deleted > 0;
  }
}
