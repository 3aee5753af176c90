import { CATEGORY_IDS, type CategoryId } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';

function isCategoryId(id: string): id is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(id);
}

/** Prohibited-content categories (R-ENR-4) as tags; an id unknown to this build is shown as sent. */
export function CategoryTags({ categories }: { categories: readonly string[] }) {
  const { t } = useTranslation();
  if (categories.length === 0) return null;
  return (
    <ul className="tags" aria-label={t('live.categories')}>
      {categories.map((id) => (
        <li key={id} className="tag" data-category={id}>
          {isCategoryId(id) ? t(`category.${id}`) : id}
        </li>
      ))}
    </ul>
  );
}
