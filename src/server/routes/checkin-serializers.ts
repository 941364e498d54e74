import type { Review } from '../../shared/api/checkins';
import type { CheckinRow, PhotoRow } from '../repositories/checkin-repository';
import type { ReferenceData } from '../repositories/reference-repository';

/** Check-ins and photos in the shapes of OCM (UserComments, MediaItems) and PlugShare (reviews, photos). */

const photoUrls = (p: PhotoRow, baseUrl: string) =>
  p.source === 'local'
    ? { url: `${baseUrl}/api/photos/${p.id}`, thumbnail: `${baseUrl}/api/photos/${p.id}/thumbnail` }
    : { url: p.external_url ?? '', thumbnail: p.external_thumbnail_url };

const ocmUser = (id: number | null, name: string | null) => (name ? { ID: id, Username: name, ReputationPoints: null, ProfileImageURL: null } : null);

export function ocmUserComment(c: CheckinRow, refs: ReferenceData, compact: boolean) {
  const type = refs.commentTypes.get(c.comment_type_id);
  const status = c.checkin_status_type_id === null ? undefined : refs.checkinStatusTypes.get(c.checkin_status_type_id);
  return {
    ID: c.id,
    ChargePointID: c.location_id,
    CommentTypeID: c.comment_type_id,
    ...(compact ? {} : { CommentType: type ? { ID: type.ID, Title: type.Title } : null }),
    UserName: c.user_name ?? '',
    Comment: c.comment,
    Rating: c.rating,
    RelatedURL: c.related_url,
    DateCreated: c.created_at,
    User: ocmUser(c.user_id, c.user_name),
    CheckinStatusTypeID: c.checkin_status_type_id,
    ...(compact ? {} : { CheckinStatusType: status ?? null }),
    IsActionedByEditor: false,
  };
}

export function ocmMediaItem(p: PhotoRow, baseUrl: string) {
  const { url, thumbnail } = photoUrls(p, baseUrl);
  return {
    ID: p.id,
    ChargePointID: p.location_id,
    ItemURL: url,
    ItemThumbnailURL: thumbnail,
    Comment: p.comment,
    IsEnabled: true,
    IsVideo: false,
    IsFeaturedItem: false,
    IsExternalResource: p.source !== 'local',
    MetadataValue: null,
    User: ocmUser(p.user_id, p.user_name),
    DateCreated: p.created_at,
  };
}

export function plugsharePhoto(p: PhotoRow, baseUrl: string): Review['photos'][number] {
  const { url, thumbnail } = photoUrls(p, baseUrl);
  return { id: p.id, created_at: p.created_at, url, thumbnail, caption: p.comment };
}

export function plugshareReview(c: CheckinRow, refs: ReferenceData, photos: PhotoRow[], baseUrl: string): Review {
  const status = c.checkin_status_type_id === null ? undefined : refs.checkinStatusTypes.get(c.checkin_status_type_id);
  return {
    id: c.id,
    rating: c.review_rating,
    created_at: c.created_at,
    finished: c.finished_at,
    comment: c.comment,
    user: c.user_name ? { id: c.user_id, display_name: c.user_name } : null,
    volts: null,
    amps: null,
    kilowatts: c.kw_reached,
    vehicle_name: c.vehicle,
    checkin_status_type_id: c.checkin_status_type_id,
    checkin_status: status ? String(status.Title) : null,
    comment_type_id: c.comment_type_id,
    comment_type: (refs.commentTypes.get(c.comment_type_id)?.Title as string | undefined) ?? null,
    problem: c.review_rating === -1,
    source: c.source,
    photos: photos.filter((p) => p.checkin_id === c.id).map((p) => plugsharePhoto(p, baseUrl)),
  };
}
