export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      ai_coaching_sessions: {
        Row: {
          ai_model: string | null
          ai_prompt: string | null
          ai_response: string
          created_at: string
          id: string
          recommended_actions: Json | null
          recommended_courses: string[]
          session_type: string
          updated_at: string
          user_context: Json | null
          user_feedback: string | null
          user_id: string
          user_query: string | null
          user_rating: number | null
          was_helpful: boolean | null
        }
        Insert: {
          ai_model?: string | null
          ai_prompt?: string | null
          ai_response: string
          created_at?: string
          id?: string
          recommended_actions?: Json | null
          recommended_courses?: string[]
          session_type: string
          updated_at?: string
          user_context?: Json | null
          user_feedback?: string | null
          user_id: string
          user_query?: string | null
          user_rating?: number | null
          was_helpful?: boolean | null
        }
        Update: {
          ai_model?: string | null
          ai_prompt?: string | null
          ai_response?: string
          created_at?: string
          id?: string
          recommended_actions?: Json | null
          recommended_courses?: string[]
          session_type?: string
          updated_at?: string
          user_context?: Json | null
          user_feedback?: string | null
          user_id?: string
          user_query?: string | null
          user_rating?: number | null
          was_helpful?: boolean | null
        }
        Relationships: [
          {
            foreignKeyName: "ai_coaching_sessions_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      audit_logs: {
        Row: {
          action: string
          changes: Json | null
          compliance_relevant: boolean
          erased_at: string | null
          id: string
          ip_address: unknown
          organization_id: string | null
          resource_id: string | null
          resource_type: string
          retention_until: string
          severity: string | null
          timestamp: string
          user_agent: string | null
          user_email: string | null
          user_id: string | null
          user_role: string | null
        }
        Insert: {
          action: string
          changes?: Json | null
          compliance_relevant?: boolean
          erased_at?: string | null
          id?: string
          ip_address?: unknown
          organization_id?: string | null
          resource_id?: string | null
          resource_type: string
          retention_until?: string
          severity?: string | null
          timestamp?: string
          user_agent?: string | null
          user_email?: string | null
          user_id?: string | null
          user_role?: string | null
        }
        Update: {
          action?: string
          changes?: Json | null
          compliance_relevant?: boolean
          erased_at?: string | null
          id?: string
          ip_address?: unknown
          organization_id?: string | null
          resource_id?: string | null
          resource_type?: string
          retention_until?: string
          severity?: string | null
          timestamp?: string
          user_agent?: string | null
          user_email?: string | null
          user_id?: string | null
          user_role?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "audit_logs_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "org_analytics"
            referencedColumns: ["organization_id"]
          },
          {
            foreignKeyName: "audit_logs_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "audit_logs_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      billing_prices: {
        Row: {
          active: boolean
          created_at: string
          id: string
          included_seats: number
          per_seat: boolean
          plan_name: string
          plan_tier: string
          stripe_price_id: string
          updated_at: string
        }
        Insert: {
          active?: boolean
          created_at?: string
          id?: string
          included_seats?: number
          per_seat?: boolean
          plan_name: string
          plan_tier: string
          stripe_price_id: string
          updated_at?: string
        }
        Update: {
          active?: boolean
          created_at?: string
          id?: string
          included_seats?: number
          per_seat?: boolean
          plan_name?: string
          plan_tier?: string
          stripe_price_id?: string
          updated_at?: string
        }
        Relationships: []
      }
      bookmarks: {
        Row: {
          created_at: string
          folder: string
          id: string
          is_favorite: boolean
          notes: string | null
          resource_id: string
          resource_type: string
          tags: string[]
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          folder?: string
          id?: string
          is_favorite?: boolean
          notes?: string | null
          resource_id: string
          resource_type: string
          tags?: string[]
          updated_at?: string
          user_id: string
        }
        Update: {
          created_at?: string
          folder?: string
          id?: string
          is_favorite?: boolean
          notes?: string | null
          resource_id?: string
          resource_type?: string
          tags?: string[]
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "bookmarks_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      certificates: {
        Row: {
          certificate_number: string
          completion_time_hours: number | null
          course_id: string
          course_title_en: string | null
          course_title_fr: string | null
          created_at: string
          expiry_date: string | null
          final_score: number | null
          holder_name: string | null
          id: string
          issued_date: string
          organization_id: string | null
          pdf_url: string | null
          revoked_at: string | null
          revoked_reason: string | null
          status: string
          user_id: string
          verification_code: string
          verification_url: string | null
        }
        Insert: {
          certificate_number: string
          completion_time_hours?: number | null
          course_id: string
          course_title_en?: string | null
          course_title_fr?: string | null
          created_at?: string
          expiry_date?: string | null
          final_score?: number | null
          holder_name?: string | null
          id?: string
          issued_date?: string
          organization_id?: string | null
          pdf_url?: string | null
          revoked_at?: string | null
          revoked_reason?: string | null
          status?: string
          user_id: string
          verification_code?: string
          verification_url?: string | null
        }
        Update: {
          certificate_number?: string
          completion_time_hours?: number | null
          course_id?: string
          course_title_en?: string | null
          course_title_fr?: string | null
          created_at?: string
          expiry_date?: string | null
          final_score?: number | null
          holder_name?: string | null
          id?: string
          issued_date?: string
          organization_id?: string | null
          pdf_url?: string | null
          revoked_at?: string | null
          revoked_reason?: string | null
          status?: string
          user_id?: string
          verification_code?: string
          verification_url?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "certificates_course_id_fkey"
            columns: ["course_id"]
            isOneToOne: false
            referencedRelation: "courses"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "certificates_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "org_analytics"
            referencedColumns: ["organization_id"]
          },
          {
            foreignKeyName: "certificates_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "certificates_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      classification_feedback: {
        Row: {
          ai_classification: string | null
          case_id: string | null
          comments: string | null
          confidence_rating: number | null
          created_at: string
          feedback_type: string | null
          id: string
          raw_case_id: string | null
          reviewed_by: string
          reviewed_date: string
          training_batch_id: string | null
          used_for_training: boolean
          user_classification: string | null
        }
        Insert: {
          ai_classification?: string | null
          case_id?: string | null
          comments?: string | null
          confidence_rating?: number | null
          created_at?: string
          feedback_type?: string | null
          id?: string
          raw_case_id?: string | null
          reviewed_by: string
          reviewed_date?: string
          training_batch_id?: string | null
          used_for_training?: boolean
          user_classification?: string | null
        }
        Update: {
          ai_classification?: string | null
          case_id?: string | null
          comments?: string | null
          confidence_rating?: number | null
          created_at?: string
          feedback_type?: string | null
          id?: string
          raw_case_id?: string | null
          reviewed_by?: string
          reviewed_date?: string
          training_batch_id?: string | null
          used_for_training?: boolean
          user_classification?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "classification_feedback_case_id_fkey"
            columns: ["case_id"]
            isOneToOne: false
            referencedRelation: "tribunal_cases"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "classification_feedback_raw_case_id_fkey"
            columns: ["raw_case_id"]
            isOneToOne: false
            referencedRelation: "tribunal_cases_raw"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "classification_feedback_reviewed_by_fkey"
            columns: ["reviewed_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      courses: {
        Row: {
          category: string
          certificate_template_id: string | null
          competencies: string[]
          created_at: string
          created_by: string | null
          deleted_at: string | null
          description_en: string | null
          description_fr: string | null
          duration_minutes: number
          estimated_hours: number | null
          featured_case_ids: string[]
          id: string
          is_published: boolean
          keywords: string[]
          learning_objectives: string[]
          lesson_count: number
          level: string
          order_index: number
          points_value: number
          prerequisite_course_ids: string[]
          published_at: string | null
          slug: string
          tags: string[]
          thumbnail_url: string | null
          tier_required: string
          title_en: string
          title_fr: string | null
          updated_at: string
          video_intro_url: string | null
        }
        Insert: {
          category: string
          certificate_template_id?: string | null
          competencies?: string[]
          created_at?: string
          created_by?: string | null
          deleted_at?: string | null
          description_en?: string | null
          description_fr?: string | null
          duration_minutes: number
          estimated_hours?: number | null
          featured_case_ids?: string[]
          id?: string
          is_published?: boolean
          keywords?: string[]
          learning_objectives?: string[]
          lesson_count?: number
          level: string
          order_index?: number
          points_value?: number
          prerequisite_course_ids?: string[]
          published_at?: string | null
          slug: string
          tags?: string[]
          thumbnail_url?: string | null
          tier_required?: string
          title_en: string
          title_fr?: string | null
          updated_at?: string
          video_intro_url?: string | null
        }
        Update: {
          category?: string
          certificate_template_id?: string | null
          competencies?: string[]
          created_at?: string
          created_by?: string | null
          deleted_at?: string | null
          description_en?: string | null
          description_fr?: string | null
          duration_minutes?: number
          estimated_hours?: number | null
          featured_case_ids?: string[]
          id?: string
          is_published?: boolean
          keywords?: string[]
          learning_objectives?: string[]
          lesson_count?: number
          level?: string
          order_index?: number
          points_value?: number
          prerequisite_course_ids?: string[]
          published_at?: string | null
          slug?: string
          tags?: string[]
          thumbnail_url?: string | null
          tier_required?: string
          title_en?: string
          title_fr?: string | null
          updated_at?: string
          video_intro_url?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "courses_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      custom_badges: {
        Row: {
          created_at: string
          created_by: string | null
          criteria_config: Json | null
          criteria_type: string | null
          description: string | null
          icon_url: string | null
          id: string
          is_active: boolean
          name: string
          organization_id: string
          points_value: number
          rarity: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          criteria_config?: Json | null
          criteria_type?: string | null
          description?: string | null
          icon_url?: string | null
          id?: string
          is_active?: boolean
          name: string
          organization_id: string
          points_value?: number
          rarity?: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          criteria_config?: Json | null
          criteria_type?: string | null
          description?: string | null
          icon_url?: string | null
          id?: string
          is_active?: boolean
          name?: string
          organization_id?: string
          points_value?: number
          rarity?: string
        }
        Relationships: [
          {
            foreignKeyName: "custom_badges_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "custom_badges_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "org_analytics"
            referencedColumns: ["organization_id"]
          },
          {
            foreignKeyName: "custom_badges_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      feature_flags: {
        Row: {
          created_at: string
          created_by: string | null
          description: string | null
          flag_key: string
          id: string
          is_enabled: boolean
          name: string
          rollout_percentage: number
          target_org_ids: string[]
          target_tiers: string[]
          target_type: string
          target_user_ids: string[]
          updated_at: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          description?: string | null
          flag_key: string
          id?: string
          is_enabled?: boolean
          name: string
          rollout_percentage?: number
          target_org_ids?: string[]
          target_tiers?: string[]
          target_type?: string
          target_user_ids?: string[]
          updated_at?: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          description?: string | null
          flag_key?: string
          id?: string
          is_enabled?: boolean
          name?: string
          rollout_percentage?: number
          target_org_ids?: string[]
          target_tiers?: string[]
          target_type?: string
          target_user_ids?: string[]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "feature_flags_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      ingestion_jobs: {
        Row: {
          completed_at: string | null
          created_at: string
          duration_seconds: number | null
          error_message: string | null
          error_stack: string | null
          execution_log: NonNullable<Json>
          id: string
          items_approved: number
          items_classified: number
          items_duplicate: number
          items_fetched: number
          items_rejected: number
          job_type: string
          last_activity_at: string
          source_id: string
          started_at: string
          status: string
          triggered_by: string | null
        }
        Insert: {
          completed_at?: string | null
          created_at?: string
          duration_seconds?: number | null
          error_message?: string | null
          error_stack?: string | null
          execution_log?: NonNullable<Json>
          id?: string
          items_approved?: number
          items_classified?: number
          items_duplicate?: number
          items_fetched?: number
          items_rejected?: number
          job_type?: string
          last_activity_at?: string
          source_id: string
          started_at?: string
          status?: string
          triggered_by?: string | null
        }
        Update: {
          completed_at?: string | null
          created_at?: string
          duration_seconds?: number | null
          error_message?: string | null
          error_stack?: string | null
          execution_log?: NonNullable<Json>
          id?: string
          items_approved?: number
          items_classified?: number
          items_duplicate?: number
          items_fetched?: number
          items_rejected?: number
          job_type?: string
          last_activity_at?: string
          source_id?: string
          started_at?: string
          status?: string
          triggered_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "ingestion_jobs_source_id_fkey"
            columns: ["source_id"]
            isOneToOne: false
            referencedRelation: "tribunal_sources"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ingestion_jobs_triggered_by_fkey"
            columns: ["triggered_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      invitations: {
        Row: {
          accepted_at: string | null
          accepted_by: string | null
          created_at: string
          email: string
          expires_at: string
          id: string
          invited_by: string | null
          organization_id: string
          role: string
          seat_id: string | null
          status: string
          team_id: string | null
          token_hash: string
          updated_at: string
        }
        Insert: {
          accepted_at?: string | null
          accepted_by?: string | null
          created_at?: string
          email: string
          expires_at: string
          id?: string
          invited_by?: string | null
          organization_id: string
          role?: string
          seat_id?: string | null
          status?: string
          team_id?: string | null
          token_hash: string
          updated_at?: string
        }
        Update: {
          accepted_at?: string | null
          accepted_by?: string | null
          created_at?: string
          email?: string
          expires_at?: string
          id?: string
          invited_by?: string | null
          organization_id?: string
          role?: string
          seat_id?: string | null
          status?: string
          team_id?: string | null
          token_hash?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "invitations_accepted_by_fkey"
            columns: ["accepted_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invitations_invited_by_fkey"
            columns: ["invited_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invitations_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "org_analytics"
            referencedColumns: ["organization_id"]
          },
          {
            foreignKeyName: "invitations_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invitations_seat_id_fkey"
            columns: ["seat_id"]
            isOneToOne: false
            referencedRelation: "subscription_seats"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invitations_team_id_fkey"
            columns: ["team_id"]
            isOneToOne: false
            referencedRelation: "teams"
            referencedColumns: ["id"]
          },
        ]
      }
      invoices: {
        Row: {
          amount_cents: number
          amount_paid_cents: number
          created_at: string
          currency: string
          due_date: string | null
          hosted_invoice_url: string | null
          id: string
          invoice_number: string | null
          invoice_pdf_url: string | null
          metadata: NonNullable<Json>
          organization_id: string
          paid_at: string | null
          period_end: string
          period_start: string
          status: string
          stripe_charge_id: string | null
          stripe_invoice_id: string
          subscription_id: string
          tax_gst_cents: number
          tax_hst_cents: number
          tax_pst_cents: number
          tax_qst_cents: number
          updated_at: string
        }
        Insert: {
          amount_cents: number
          amount_paid_cents?: number
          created_at?: string
          currency?: string
          due_date?: string | null
          hosted_invoice_url?: string | null
          id?: string
          invoice_number?: string | null
          invoice_pdf_url?: string | null
          metadata?: NonNullable<Json>
          organization_id: string
          paid_at?: string | null
          period_end: string
          period_start: string
          status: string
          stripe_charge_id?: string | null
          stripe_invoice_id: string
          subscription_id: string
          tax_gst_cents?: number
          tax_hst_cents?: number
          tax_pst_cents?: number
          tax_qst_cents?: number
          updated_at?: string
        }
        Update: {
          amount_cents?: number
          amount_paid_cents?: number
          created_at?: string
          currency?: string
          due_date?: string | null
          hosted_invoice_url?: string | null
          id?: string
          invoice_number?: string | null
          invoice_pdf_url?: string | null
          metadata?: NonNullable<Json>
          organization_id?: string
          paid_at?: string | null
          period_end?: string
          period_start?: string
          status?: string
          stripe_charge_id?: string | null
          stripe_invoice_id?: string
          subscription_id?: string
          tax_gst_cents?: number
          tax_hst_cents?: number
          tax_pst_cents?: number
          tax_qst_cents?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "invoices_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "org_analytics"
            referencedColumns: ["organization_id"]
          },
          {
            foreignKeyName: "invoices_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invoices_subscription_id_fkey"
            columns: ["subscription_id"]
            isOneToOne: false
            referencedRelation: "subscriptions"
            referencedColumns: ["id"]
          },
        ]
      }
      learning_path_enrollments: {
        Row: {
          completed_at: string | null
          enrolled_at: string
          id: string
          learning_path_id: string
          user_id: string
        }
        Insert: {
          completed_at?: string | null
          enrolled_at?: string
          id?: string
          learning_path_id: string
          user_id: string
        }
        Update: {
          completed_at?: string | null
          enrolled_at?: string
          id?: string
          learning_path_id?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "learning_path_enrollments_learning_path_id_fkey"
            columns: ["learning_path_id"]
            isOneToOne: false
            referencedRelation: "learning_paths"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "learning_path_enrollments_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      learning_paths: {
        Row: {
          category: string | null
          course_ids: string[]
          created_at: string
          created_by: string | null
          description_en: string | null
          description_fr: string | null
          estimated_duration_hours: number | null
          id: string
          is_published: boolean
          level: string | null
          slug: string
          tier_required: string
          title_en: string
          title_fr: string | null
          updated_at: string
        }
        Insert: {
          category?: string | null
          course_ids: string[]
          created_at?: string
          created_by?: string | null
          description_en?: string | null
          description_fr?: string | null
          estimated_duration_hours?: number | null
          id?: string
          is_published?: boolean
          level?: string | null
          slug: string
          tier_required?: string
          title_en: string
          title_fr?: string | null
          updated_at?: string
        }
        Update: {
          category?: string | null
          course_ids?: string[]
          created_at?: string
          created_by?: string | null
          description_en?: string | null
          description_fr?: string | null
          estimated_duration_hours?: number | null
          id?: string
          is_published?: boolean
          level?: string | null
          slug?: string
          tier_required?: string
          title_en?: string
          title_fr?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "learning_paths_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      lessons: {
        Row: {
          attachments: NonNullable<Json>
          audio_url: string | null
          content_en: string | null
          content_fr: string | null
          course_id: string
          created_at: string
          duration_minutes: number | null
          id: string
          lesson_type: string
          min_time_seconds: number | null
          order_index: number
          pass_threshold: number
          quiz_attempts_per_day: number
          quiz_questions: Json | null
          requires_completion: boolean
          title_en: string
          title_fr: string | null
          tribunal_case_id: string | null
          updated_at: string
          video_url: string | null
        }
        Insert: {
          attachments?: NonNullable<Json>
          audio_url?: string | null
          content_en?: string | null
          content_fr?: string | null
          course_id: string
          created_at?: string
          duration_minutes?: number | null
          id?: string
          lesson_type: string
          min_time_seconds?: number | null
          order_index: number
          pass_threshold?: number
          quiz_attempts_per_day?: number
          quiz_questions?: Json | null
          requires_completion?: boolean
          title_en: string
          title_fr?: string | null
          tribunal_case_id?: string | null
          updated_at?: string
          video_url?: string | null
        }
        Update: {
          attachments?: NonNullable<Json>
          audio_url?: string | null
          content_en?: string | null
          content_fr?: string | null
          course_id?: string
          created_at?: string
          duration_minutes?: number | null
          id?: string
          lesson_type?: string
          min_time_seconds?: number | null
          order_index?: number
          pass_threshold?: number
          quiz_attempts_per_day?: number
          quiz_questions?: Json | null
          requires_completion?: boolean
          title_en?: string
          title_fr?: string | null
          tribunal_case_id?: string | null
          updated_at?: string
          video_url?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "lessons_course_id_fkey"
            columns: ["course_id"]
            isOneToOne: false
            referencedRelation: "courses"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "lessons_tribunal_case_id_fkey"
            columns: ["tribunal_case_id"]
            isOneToOne: false
            referencedRelation: "tribunal_cases"
            referencedColumns: ["id"]
          },
        ]
      }
      notifications: {
        Row: {
          created_at: string
          expires_at: string | null
          id: string
          link_text: string | null
          link_url: string | null
          message: string
          priority: string
          read: boolean
          read_at: string | null
          title: string
          type: string
          user_id: string
        }
        Insert: {
          created_at?: string
          expires_at?: string | null
          id?: string
          link_text?: string | null
          link_url?: string | null
          message: string
          priority?: string
          read?: boolean
          read_at?: string | null
          title: string
          type: string
          user_id: string
        }
        Update: {
          created_at?: string
          expires_at?: string | null
          id?: string
          link_text?: string | null
          link_url?: string | null
          message?: string
          priority?: string
          read?: boolean
          read_at?: string | null
          title?: string
          type?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "notifications_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      onboarding: {
        Row: {
          checklist_items: NonNullable<Json>
          created_at: string
          first_course_completed: boolean
          first_course_started: boolean
          first_search_performed: boolean
          id: string
          profile_completed: boolean
          role_specific_completed: NonNullable<Json>
          tour_completed: boolean
          tour_dismissed: boolean
          tour_step_completed: number
          updated_at: string
          user_id: string
        }
        Insert: {
          checklist_items?: NonNullable<Json>
          created_at?: string
          first_course_completed?: boolean
          first_course_started?: boolean
          first_search_performed?: boolean
          id?: string
          profile_completed?: boolean
          role_specific_completed?: NonNullable<Json>
          tour_completed?: boolean
          tour_dismissed?: boolean
          tour_step_completed?: number
          updated_at?: string
          user_id: string
        }
        Update: {
          checklist_items?: NonNullable<Json>
          created_at?: string
          first_course_completed?: boolean
          first_course_started?: boolean
          first_search_performed?: boolean
          id?: string
          profile_completed?: boolean
          role_specific_completed?: NonNullable<Json>
          tour_completed?: boolean
          tour_dismissed?: boolean
          tour_step_completed?: number
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "onboarding_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: true
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      organizations: {
        Row: {
          address_line1: string | null
          address_line2: string | null
          admin_email: string
          billing_email: string | null
          city: string | null
          country: string
          created_at: string
          deleted_at: string | null
          id: string
          industry: string | null
          name: string
          postal_code: string | null
          primary_contact_name: string | null
          primary_contact_phone: string | null
          province: string | null
          settings: NonNullable<Json>
          size_category: string | null
          slug: string
          subscription_id: string | null
          subscription_status: string
          trial_ends_at: string | null
          updated_at: string
        }
        Insert: {
          address_line1?: string | null
          address_line2?: string | null
          admin_email: string
          billing_email?: string | null
          city?: string | null
          country?: string
          created_at?: string
          deleted_at?: string | null
          id?: string
          industry?: string | null
          name: string
          postal_code?: string | null
          primary_contact_name?: string | null
          primary_contact_phone?: string | null
          province?: string | null
          settings?: NonNullable<Json>
          size_category?: string | null
          slug: string
          subscription_id?: string | null
          subscription_status?: string
          trial_ends_at?: string | null
          updated_at?: string
        }
        Update: {
          address_line1?: string | null
          address_line2?: string | null
          admin_email?: string
          billing_email?: string | null
          city?: string | null
          country?: string
          created_at?: string
          deleted_at?: string | null
          id?: string
          industry?: string | null
          name?: string
          postal_code?: string | null
          primary_contact_name?: string | null
          primary_contact_phone?: string | null
          province?: string | null
          settings?: NonNullable<Json>
          size_category?: string | null
          slug?: string
          subscription_id?: string | null
          subscription_status?: string
          trial_ends_at?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "organizations_subscription_id_fkey"
            columns: ["subscription_id"]
            isOneToOne: false
            referencedRelation: "subscriptions"
            referencedColumns: ["id"]
          },
        ]
      }
      payment_methods: {
        Row: {
          billing_address: Json | null
          billing_email: string | null
          billing_name: string | null
          card_brand: string | null
          card_exp_month: number | null
          card_exp_year: number | null
          card_last4: string | null
          created_at: string
          id: string
          is_active: boolean
          is_default: boolean
          organization_id: string
          stripe_customer_id: string
          stripe_payment_method_id: string
          updated_at: string
        }
        Insert: {
          billing_address?: Json | null
          billing_email?: string | null
          billing_name?: string | null
          card_brand?: string | null
          card_exp_month?: number | null
          card_exp_year?: number | null
          card_last4?: string | null
          created_at?: string
          id?: string
          is_active?: boolean
          is_default?: boolean
          organization_id: string
          stripe_customer_id: string
          stripe_payment_method_id: string
          updated_at?: string
        }
        Update: {
          billing_address?: Json | null
          billing_email?: string | null
          billing_name?: string | null
          card_brand?: string | null
          card_exp_month?: number | null
          card_exp_year?: number | null
          card_last4?: string | null
          created_at?: string
          id?: string
          is_active?: boolean
          is_default?: boolean
          organization_id?: string
          stripe_customer_id?: string
          stripe_payment_method_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "payment_methods_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "org_analytics"
            referencedColumns: ["organization_id"]
          },
          {
            foreignKeyName: "payment_methods_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      plan_limits: {
        Row: {
          created_at: string
          hard_limit: boolean
          id: string
          metric_type: string
          period_limit: number | null
          plan_tier: string
          stripe_price_id: string | null
          updated_at: string
        }
        Insert: {
          created_at?: string
          hard_limit?: boolean
          id?: string
          metric_type: string
          period_limit?: number | null
          plan_tier: string
          stripe_price_id?: string | null
          updated_at?: string
        }
        Update: {
          created_at?: string
          hard_limit?: boolean
          id?: string
          metric_type?: string
          period_limit?: number | null
          plan_tier?: string
          stripe_price_id?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "plan_limits_stripe_price_id_fkey"
            columns: ["stripe_price_id"]
            isOneToOne: false
            referencedRelation: "billing_prices"
            referencedColumns: ["stripe_price_id"]
          },
        ]
      }
      privacy_incidents: {
        Row: {
          became_known_at: string
          circumstances: string
          commission_notified_at: string | null
          corrects_id: string | null
          id: string
          information_concerned: string
          measures_taken: string
          notices: NonNullable<Json>
          occurred_approximate: boolean
          occurred_from: string
          occurred_until: string | null
          organization_id: string | null
          persons_approximate: boolean
          persons_concerned: number
          persons_notified_at: string | null
          recorded_at: string
          recorded_by: string | null
          risk_assessment: string
          serious_risk: boolean
        }
        Insert: {
          became_known_at: string
          circumstances: string
          commission_notified_at?: string | null
          corrects_id?: string | null
          id?: string
          information_concerned: string
          measures_taken: string
          notices?: NonNullable<Json>
          occurred_approximate?: boolean
          occurred_from: string
          occurred_until?: string | null
          organization_id?: string | null
          persons_approximate?: boolean
          persons_concerned: number
          persons_notified_at?: string | null
          recorded_at?: string
          recorded_by?: string | null
          risk_assessment: string
          serious_risk: boolean
        }
        Update: {
          became_known_at?: string
          circumstances?: string
          commission_notified_at?: string | null
          corrects_id?: string | null
          id?: string
          information_concerned?: string
          measures_taken?: string
          notices?: NonNullable<Json>
          occurred_approximate?: boolean
          occurred_from?: string
          occurred_until?: string | null
          organization_id?: string | null
          persons_approximate?: boolean
          persons_concerned?: number
          persons_notified_at?: string | null
          recorded_at?: string
          recorded_by?: string | null
          risk_assessment?: string
          serious_risk?: boolean
        }
        Relationships: [
          {
            foreignKeyName: "privacy_incidents_corrects_id_fkey"
            columns: ["corrects_id"]
            isOneToOne: false
            referencedRelation: "privacy_incidents"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "privacy_incidents_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "org_analytics"
            referencedColumns: ["organization_id"]
          },
          {
            foreignKeyName: "privacy_incidents_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "privacy_incidents_recorded_by_fkey"
            columns: ["recorded_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      privacy_requests: {
        Row: {
          closed_at: string | null
          closed_by: string | null
          details: string | null
          due_at: string
          id: string
          kind: string
          organization_id: string | null
          reminded_at: string | null
          requested_at: string
          resolution: string | null
          status: string
          user_id: string
        }
        Insert: {
          closed_at?: string | null
          closed_by?: string | null
          details?: string | null
          due_at: string
          id?: string
          kind: string
          organization_id?: string | null
          reminded_at?: string | null
          requested_at?: string
          resolution?: string | null
          status?: string
          user_id: string
        }
        Update: {
          closed_at?: string | null
          closed_by?: string | null
          details?: string | null
          due_at?: string
          id?: string
          kind?: string
          organization_id?: string | null
          reminded_at?: string | null
          requested_at?: string
          resolution?: string | null
          status?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "privacy_requests_closed_by_fkey"
            columns: ["closed_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "privacy_requests_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "org_analytics"
            referencedColumns: ["organization_id"]
          },
          {
            foreignKeyName: "privacy_requests_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "privacy_requests_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          avatar_url: string | null
          created_at: string
          deleted_at: string | null
          email: string
          email_verified: boolean
          erased_at: string | null
          full_name: string | null
          id: string
          last_login_at: string | null
          login_count: number
          metadata: NonNullable<Json>
          mfa_enabled: boolean
          notification_preferences: NonNullable<Json>
          organization_id: string | null
          phone: string | null
          preferred_language: string
          role: string
          seat_id: string | null
          subscription_tier: string
          team_id: string | null
          theme: string
          timezone: string
          updated_at: string
        }
        Insert: {
          avatar_url?: string | null
          created_at?: string
          deleted_at?: string | null
          email: string
          email_verified?: boolean
          erased_at?: string | null
          full_name?: string | null
          id: string
          last_login_at?: string | null
          login_count?: number
          metadata?: NonNullable<Json>
          mfa_enabled?: boolean
          notification_preferences?: NonNullable<Json>
          organization_id?: string | null
          phone?: string | null
          preferred_language?: string
          role?: string
          seat_id?: string | null
          subscription_tier?: string
          team_id?: string | null
          theme?: string
          timezone?: string
          updated_at?: string
        }
        Update: {
          avatar_url?: string | null
          created_at?: string
          deleted_at?: string | null
          email?: string
          email_verified?: boolean
          erased_at?: string | null
          full_name?: string | null
          id?: string
          last_login_at?: string | null
          login_count?: number
          metadata?: NonNullable<Json>
          mfa_enabled?: boolean
          notification_preferences?: NonNullable<Json>
          organization_id?: string | null
          phone?: string | null
          preferred_language?: string
          role?: string
          seat_id?: string | null
          subscription_tier?: string
          team_id?: string | null
          theme?: string
          timezone?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "profiles_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "org_analytics"
            referencedColumns: ["organization_id"]
          },
          {
            foreignKeyName: "profiles_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "profiles_seat_id_fkey"
            columns: ["seat_id"]
            isOneToOne: false
            referencedRelation: "subscription_seats"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "profiles_team_id_fkey"
            columns: ["team_id"]
            isOneToOne: false
            referencedRelation: "teams"
            referencedColumns: ["id"]
          },
        ]
      }
      progress: {
        Row: {
          bookmarked: boolean
          completed_at: string | null
          completion_percentage: number
          course_id: string
          created_at: string
          id: string
          last_accessed: string
          lesson_id: string | null
          lessons_completed: number
          notes: string | null
          organization_id: string | null
          quiz_attempts: number
          quiz_best_score: number | null
          quiz_last_score: number | null
          quiz_passed: boolean
          started_at: string
          time_spent_seconds: number
          total_lessons: number | null
          updated_at: string
          user_id: string
        }
        Insert: {
          bookmarked?: boolean
          completed_at?: string | null
          completion_percentage?: number
          course_id: string
          created_at?: string
          id?: string
          last_accessed?: string
          lesson_id?: string | null
          lessons_completed?: number
          notes?: string | null
          organization_id?: string | null
          quiz_attempts?: number
          quiz_best_score?: number | null
          quiz_last_score?: number | null
          quiz_passed?: boolean
          started_at?: string
          time_spent_seconds?: number
          total_lessons?: number | null
          updated_at?: string
          user_id: string
        }
        Update: {
          bookmarked?: boolean
          completed_at?: string | null
          completion_percentage?: number
          course_id?: string
          created_at?: string
          id?: string
          last_accessed?: string
          lesson_id?: string | null
          lessons_completed?: number
          notes?: string | null
          organization_id?: string | null
          quiz_attempts?: number
          quiz_best_score?: number | null
          quiz_last_score?: number | null
          quiz_passed?: boolean
          started_at?: string
          time_spent_seconds?: number
          total_lessons?: number | null
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "progress_course_id_fkey"
            columns: ["course_id"]
            isOneToOne: false
            referencedRelation: "courses"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "progress_lesson_in_course_fkey"
            columns: ["lesson_id", "course_id"]
            isOneToOne: false
            referencedRelation: "lessons"
            referencedColumns: ["id", "course_id"]
          },
          {
            foreignKeyName: "progress_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "org_analytics"
            referencedColumns: ["organization_id"]
          },
          {
            foreignKeyName: "progress_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "progress_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      resources: {
        Row: {
          category: string
          created_at: string
          created_by: string | null
          description_en: string | null
          description_fr: string | null
          download_count: number
          file_size_bytes: number | null
          file_type: string | null
          file_url: string
          id: string
          is_published: boolean
          tags: string[]
          tier_required: string
          title_en: string
          title_fr: string | null
          updated_at: string
        }
        Insert: {
          category: string
          created_at?: string
          created_by?: string | null
          description_en?: string | null
          description_fr?: string | null
          download_count?: number
          file_size_bytes?: number | null
          file_type?: string | null
          file_url: string
          id?: string
          is_published?: boolean
          tags?: string[]
          tier_required?: string
          title_en: string
          title_fr?: string | null
          updated_at?: string
        }
        Update: {
          category?: string
          created_at?: string
          created_by?: string | null
          description_en?: string | null
          description_fr?: string | null
          download_count?: number
          file_size_bytes?: number | null
          file_type?: string | null
          file_url?: string
          id?: string
          is_published?: boolean
          tags?: string[]
          tier_required?: string
          title_en?: string
          title_fr?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "resources_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      saved_searches: {
        Row: {
          created_at: string
          description: string | null
          filters: NonNullable<Json>
          id: string
          last_used: string | null
          name: string
          notify_on_new_results: boolean
          updated_at: string
          use_count: number
          user_id: string
        }
        Insert: {
          created_at?: string
          description?: string | null
          filters: NonNullable<Json>
          id?: string
          last_used?: string | null
          name: string
          notify_on_new_results?: boolean
          updated_at?: string
          use_count?: number
          user_id: string
        }
        Update: {
          created_at?: string
          description?: string | null
          filters?: NonNullable<Json>
          id?: string
          last_used?: string | null
          name?: string
          notify_on_new_results?: boolean
          updated_at?: string
          use_count?: number
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "saved_searches_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      subscription_seats: {
        Row: {
          assigned_at: string | null
          assigned_by: string | null
          assigned_to_email: string | null
          assigned_to_user_id: string | null
          created_at: string
          first_login_at: string | null
          id: string
          last_login_at: string | null
          login_count: number
          organization_id: string
          status: string
          subscription_id: string
          team_id: string | null
          updated_at: string
        }
        Insert: {
          assigned_at?: string | null
          assigned_by?: string | null
          assigned_to_email?: string | null
          assigned_to_user_id?: string | null
          created_at?: string
          first_login_at?: string | null
          id?: string
          last_login_at?: string | null
          login_count?: number
          organization_id: string
          status?: string
          subscription_id: string
          team_id?: string | null
          updated_at?: string
        }
        Update: {
          assigned_at?: string | null
          assigned_by?: string | null
          assigned_to_email?: string | null
          assigned_to_user_id?: string | null
          created_at?: string
          first_login_at?: string | null
          id?: string
          last_login_at?: string | null
          login_count?: number
          organization_id?: string
          status?: string
          subscription_id?: string
          team_id?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "subscription_seats_assigned_by_fkey"
            columns: ["assigned_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "subscription_seats_assigned_to_user_id_fkey"
            columns: ["assigned_to_user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "subscription_seats_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "org_analytics"
            referencedColumns: ["organization_id"]
          },
          {
            foreignKeyName: "subscription_seats_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "subscription_seats_subscription_id_fkey"
            columns: ["subscription_id"]
            isOneToOne: false
            referencedRelation: "subscriptions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "subscription_seats_team_id_fkey"
            columns: ["team_id"]
            isOneToOne: false
            referencedRelation: "teams"
            referencedColumns: ["id"]
          },
        ]
      }
      subscriptions: {
        Row: {
          amount_cents: number
          billing_interval: string
          cancel_at_period_end: boolean
          canceled_at: string | null
          cancellation_feedback: string | null
          cancellation_reason: string | null
          created_at: string
          currency: string
          current_period_end: string
          current_period_start: string
          ended_at: string | null
          id: string
          last_payment_date: string | null
          last_payment_status: string | null
          metadata: NonNullable<Json>
          next_payment_date: string | null
          organization_id: string
          plan_name: string
          plan_tier: string
          seat_count: number
          seats_used: number
          status: string
          stripe_customer_id: string
          stripe_price_id: string
          stripe_subscription_id: string
          trial_end: string | null
          trial_start: string | null
          updated_at: string
        }
        Insert: {
          amount_cents: number
          billing_interval: string
          cancel_at_period_end?: boolean
          canceled_at?: string | null
          cancellation_feedback?: string | null
          cancellation_reason?: string | null
          created_at?: string
          currency?: string
          current_period_end: string
          current_period_start: string
          ended_at?: string | null
          id?: string
          last_payment_date?: string | null
          last_payment_status?: string | null
          metadata?: NonNullable<Json>
          next_payment_date?: string | null
          organization_id: string
          plan_name: string
          plan_tier: string
          seat_count?: number
          seats_used?: number
          status: string
          stripe_customer_id: string
          stripe_price_id: string
          stripe_subscription_id: string
          trial_end?: string | null
          trial_start?: string | null
          updated_at?: string
        }
        Update: {
          amount_cents?: number
          billing_interval?: string
          cancel_at_period_end?: boolean
          canceled_at?: string | null
          cancellation_feedback?: string | null
          cancellation_reason?: string | null
          created_at?: string
          currency?: string
          current_period_end?: string
          current_period_start?: string
          ended_at?: string | null
          id?: string
          last_payment_date?: string | null
          last_payment_status?: string | null
          metadata?: NonNullable<Json>
          next_payment_date?: string | null
          organization_id?: string
          plan_name?: string
          plan_tier?: string
          seat_count?: number
          seats_used?: number
          status?: string
          stripe_customer_id?: string
          stripe_price_id?: string
          stripe_subscription_id?: string
          trial_end?: string | null
          trial_start?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "subscriptions_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: true
            referencedRelation: "org_analytics"
            referencedColumns: ["organization_id"]
          },
          {
            foreignKeyName: "subscriptions_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: true
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      teams: {
        Row: {
          created_at: string
          description: string | null
          id: string
          name: string
          organization_id: string
          seat_allocation: number
          settings: NonNullable<Json>
          team_lead_id: string | null
          updated_at: string
        }
        Insert: {
          created_at?: string
          description?: string | null
          id?: string
          name: string
          organization_id: string
          seat_allocation?: number
          settings?: NonNullable<Json>
          team_lead_id?: string | null
          updated_at?: string
        }
        Update: {
          created_at?: string
          description?: string | null
          id?: string
          name?: string
          organization_id?: string
          seat_allocation?: number
          settings?: NonNullable<Json>
          team_lead_id?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "teams_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "org_analytics"
            referencedColumns: ["organization_id"]
          },
          {
            foreignKeyName: "teams_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "teams_team_lead_id_fkey"
            columns: ["team_lead_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      tribunal_cases: {
        Row: {
          ai_classification_model: string | null
          ai_classified_at: string | null
          ai_confidence_score: number | null
          ai_generated_summary: string | null
          ai_tags: string[]
          case_number: string
          complexity_level: string | null
          created_at: string
          decision_date: string | null
          deleted_at: string | null
          discrimination_type: string[]
          embedding: string | null
          embedding_model: string | null
          featured: boolean
          full_text_en: string | null
          full_text_fr: string | null
          id: string
          ingested_from_raw_id: string | null
          is_anti_black_specific: boolean
          is_race_related: boolean
          key_legal_principles: string[]
          keywords: string[]
          manually_reviewed: boolean
          monetary_award: number | null
          outcome: string | null
          precedent_value: string | null
          protected_ground: string[]
          race_category: string | null
          rank_doc_en: unknown
          rank_doc_fr: unknown
          relevance_score: number | null
          remedies_awarded: string[]
          reviewed_at: string | null
          reviewed_by: string | null
          search_en: unknown
          search_fr: unknown
          source_url: string
          summary_en: string | null
          summary_fr: string | null
          title: string
          tribunal: string
          updated_at: string
          year: number | null
        }
        Insert: {
          ai_classification_model?: string | null
          ai_classified_at?: string | null
          ai_confidence_score?: number | null
          ai_generated_summary?: string | null
          ai_tags?: string[]
          case_number: string
          complexity_level?: string | null
          created_at?: string
          decision_date?: string | null
          deleted_at?: string | null
          discrimination_type?: string[]
          embedding?: string | null
          embedding_model?: string | null
          featured?: boolean
          full_text_en?: string | null
          full_text_fr?: string | null
          id?: string
          ingested_from_raw_id?: string | null
          is_anti_black_specific?: boolean
          is_race_related?: boolean
          key_legal_principles?: string[]
          keywords?: string[]
          manually_reviewed?: boolean
          monetary_award?: number | null
          outcome?: string | null
          precedent_value?: string | null
          protected_ground?: string[]
          race_category?: string | null
          rank_doc_en?: never
          rank_doc_fr?: never
          relevance_score?: number | null
          remedies_awarded?: string[]
          reviewed_at?: string | null
          reviewed_by?: string | null
          search_en?: never
          search_fr?: never
          source_url: string
          summary_en?: string | null
          summary_fr?: string | null
          title: string
          tribunal: string
          updated_at?: string
          year?: number | null
        }
        Update: {
          ai_classification_model?: string | null
          ai_classified_at?: string | null
          ai_confidence_score?: number | null
          ai_generated_summary?: string | null
          ai_tags?: string[]
          case_number?: string
          complexity_level?: string | null
          created_at?: string
          decision_date?: string | null
          deleted_at?: string | null
          discrimination_type?: string[]
          embedding?: string | null
          embedding_model?: string | null
          featured?: boolean
          full_text_en?: string | null
          full_text_fr?: string | null
          id?: string
          ingested_from_raw_id?: string | null
          is_anti_black_specific?: boolean
          is_race_related?: boolean
          key_legal_principles?: string[]
          keywords?: string[]
          manually_reviewed?: boolean
          monetary_award?: number | null
          outcome?: string | null
          precedent_value?: string | null
          protected_ground?: string[]
          race_category?: string | null
          rank_doc_en?: never
          rank_doc_fr?: never
          relevance_score?: number | null
          remedies_awarded?: string[]
          reviewed_at?: string | null
          reviewed_by?: string | null
          search_en?: never
          search_fr?: never
          source_url?: string
          summary_en?: string | null
          summary_fr?: string | null
          title?: string
          tribunal?: string
          updated_at?: string
          year?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "tribunal_cases_ingested_from_raw_id_fkey"
            columns: ["ingested_from_raw_id"]
            isOneToOne: false
            referencedRelation: "tribunal_cases_raw"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "tribunal_cases_reviewed_by_fkey"
            columns: ["reviewed_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      tribunal_cases_raw: {
        Row: {
          ai_classification: Json | null
          created_at: string
          duplicate_of_case_id: string | null
          extracted_case_number: string | null
          extracted_date: string | null
          extracted_title: string | null
          extracted_tribunal: string | null
          id: string
          ingestion_job_id: string | null
          is_duplicate: boolean
          promoted_to_case_id: string | null
          raw_html: string | null
          raw_text: string | null
          rejection_reason: string | null
          reviewed_at: string | null
          reviewed_by: string | null
          rule_based_classification: Json | null
          scraper_version: string | null
          source_name: string
          source_url: string
          status: string
          updated_at: string
        }
        Insert: {
          ai_classification?: Json | null
          created_at?: string
          duplicate_of_case_id?: string | null
          extracted_case_number?: string | null
          extracted_date?: string | null
          extracted_title?: string | null
          extracted_tribunal?: string | null
          id?: string
          ingestion_job_id?: string | null
          is_duplicate?: boolean
          promoted_to_case_id?: string | null
          raw_html?: string | null
          raw_text?: string | null
          rejection_reason?: string | null
          reviewed_at?: string | null
          reviewed_by?: string | null
          rule_based_classification?: Json | null
          scraper_version?: string | null
          source_name: string
          source_url: string
          status?: string
          updated_at?: string
        }
        Update: {
          ai_classification?: Json | null
          created_at?: string
          duplicate_of_case_id?: string | null
          extracted_case_number?: string | null
          extracted_date?: string | null
          extracted_title?: string | null
          extracted_tribunal?: string | null
          id?: string
          ingestion_job_id?: string | null
          is_duplicate?: boolean
          promoted_to_case_id?: string | null
          raw_html?: string | null
          raw_text?: string | null
          rejection_reason?: string | null
          reviewed_at?: string | null
          reviewed_by?: string | null
          rule_based_classification?: Json | null
          scraper_version?: string | null
          source_name?: string
          source_url?: string
          status?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "tribunal_cases_raw_duplicate_of_case_id_fkey"
            columns: ["duplicate_of_case_id"]
            isOneToOne: false
            referencedRelation: "tribunal_cases"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "tribunal_cases_raw_ingestion_job_id_fkey"
            columns: ["ingestion_job_id"]
            isOneToOne: false
            referencedRelation: "ingestion_jobs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "tribunal_cases_raw_promoted_to_case_id_fkey"
            columns: ["promoted_to_case_id"]
            isOneToOne: false
            referencedRelation: "tribunal_cases"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "tribunal_cases_raw_reviewed_by_fkey"
            columns: ["reviewed_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      tribunal_sources: {
        Row: {
          base_url: string
          created_at: string
          id: string
          is_active: boolean
          last_error: string | null
          last_successful_run: string | null
          max_concurrent_requests: number
          name: string
          priority: number
          rate_limit_delay_seconds: number
          schedule_cron: string
          scraper_config: NonNullable<Json>
          scraper_type: string
          tribunal: string
          updated_at: string
        }
        Insert: {
          base_url: string
          created_at?: string
          id?: string
          is_active?: boolean
          last_error?: string | null
          last_successful_run?: string | null
          max_concurrent_requests?: number
          name: string
          priority?: number
          rate_limit_delay_seconds?: number
          schedule_cron?: string
          scraper_config: NonNullable<Json>
          scraper_type?: string
          tribunal: string
          updated_at?: string
        }
        Update: {
          base_url?: string
          created_at?: string
          id?: string
          is_active?: boolean
          last_error?: string | null
          last_successful_run?: string | null
          max_concurrent_requests?: number
          name?: string
          priority?: number
          rate_limit_delay_seconds?: number
          schedule_cron?: string
          scraper_config?: NonNullable<Json>
          scraper_type?: string
          tribunal?: string
          updated_at?: string
        }
        Relationships: []
      }
      usage_tracking: {
        Row: {
          created_at: string
          id: string
          invoice_id: string | null
          invoiced: boolean
          is_billable: boolean
          metric_type: string
          organization_id: string
          period_end: string
          period_start: string
          quantity: number
          subscription_id: string
          unit: string
        }
        Insert: {
          created_at?: string
          id?: string
          invoice_id?: string | null
          invoiced?: boolean
          is_billable?: boolean
          metric_type: string
          organization_id: string
          period_end: string
          period_start: string
          quantity: number
          subscription_id: string
          unit: string
        }
        Update: {
          created_at?: string
          id?: string
          invoice_id?: string | null
          invoiced?: boolean
          is_billable?: boolean
          metric_type?: string
          organization_id?: string
          period_end?: string
          period_start?: string
          quantity?: number
          subscription_id?: string
          unit?: string
        }
        Relationships: [
          {
            foreignKeyName: "usage_tracking_invoice_id_fkey"
            columns: ["invoice_id"]
            isOneToOne: false
            referencedRelation: "invoices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "usage_tracking_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "org_analytics"
            referencedColumns: ["organization_id"]
          },
          {
            foreignKeyName: "usage_tracking_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "usage_tracking_subscription_id_fkey"
            columns: ["subscription_id"]
            isOneToOne: false
            referencedRelation: "subscriptions"
            referencedColumns: ["id"]
          },
        ]
      }
      user_achievements: {
        Row: {
          badge_timestamps: NonNullable<Json>
          badges_earned: string[]
          cases_bookmarked: number
          certificates_earned: number
          coaching_sessions: number
          courses_completed: number
          created_at: string
          current_streak_days: number
          global_rank: number | null
          id: string
          last_activity_date: string | null
          lessons_completed: number
          level: number
          level_progress: number
          listed: boolean
          longest_streak_days: number
          monthly_points: number
          organization_id: string | null
          organization_rank: number | null
          points_month: string | null
          points_week: string | null
          quizzes_passed: number
          team_id: string | null
          team_rank: number | null
          total_points: number
          updated_at: string
          user_id: string
          weekly_points: number
        }
        Insert: {
          badge_timestamps?: NonNullable<Json>
          badges_earned?: string[]
          cases_bookmarked?: number
          certificates_earned?: number
          coaching_sessions?: number
          courses_completed?: number
          created_at?: string
          current_streak_days?: number
          global_rank?: number | null
          id?: string
          last_activity_date?: string | null
          lessons_completed?: number
          level?: number
          level_progress?: number
          listed?: boolean
          longest_streak_days?: number
          monthly_points?: number
          organization_id?: string | null
          organization_rank?: number | null
          points_month?: string | null
          points_week?: string | null
          quizzes_passed?: number
          team_id?: string | null
          team_rank?: number | null
          total_points?: number
          updated_at?: string
          user_id: string
          weekly_points?: number
        }
        Update: {
          badge_timestamps?: NonNullable<Json>
          badges_earned?: string[]
          cases_bookmarked?: number
          certificates_earned?: number
          coaching_sessions?: number
          courses_completed?: number
          created_at?: string
          current_streak_days?: number
          global_rank?: number | null
          id?: string
          last_activity_date?: string | null
          lessons_completed?: number
          level?: number
          level_progress?: number
          listed?: boolean
          longest_streak_days?: number
          monthly_points?: number
          organization_id?: string | null
          organization_rank?: number | null
          points_month?: string | null
          points_week?: string | null
          quizzes_passed?: number
          team_id?: string | null
          team_rank?: number | null
          total_points?: number
          updated_at?: string
          user_id?: string
          weekly_points?: number
        }
        Relationships: [
          {
            foreignKeyName: "user_achievements_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: true
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      org_analytics: {
        Row: {
          active_learners: number | null
          avg_completion: number | null
          name: string | null
          org_total_points: number | null
          organization_id: string | null
          total_certificates: number | null
          total_users: number | null
        }
        Relationships: []
      }
    }
    Functions: {
      accept_invitation: { Args: { p_token: string }; Returns: Json }
      apply_stripe_event: { Args: { p_event: Json }; Returns: Json }
      archive_course: { Args: { p_course_id: string }; Returns: undefined }
      assign_seat: {
        Args: { p_seat_id: string; p_user_id: string }
        Returns: undefined
      }
      at_risk_learners: {
        Args: { p_days_inactive?: number; p_limit?: number }
        Returns: {
          courses_in_progress: number
          current_streak_days: number
          days_inactive: number
          full_name: string
          last_activity_at: string
          longest_streak_days: number
          reasons: string[]
          team_id: string
          user_id: string
        }[]
      }
      award_badge: {
        Args: { p_badge_id: string; p_user_id: string }
        Returns: {
          awarded_at: string
          badge_id: string
          user_id: string
        }[]
      }
      change_member_role: {
        Args: { p_role: string; p_user_id: string }
        Returns: undefined
      }
      close_privacy_request: {
        Args: { p_request_id: string; p_resolution?: string; p_status: string }
        Returns: undefined
      }
      coaching_allowance_for_user: {
        Args: { p_user_id: string }
        Returns: Json
      }
      coaching_context: { Args: { p_lang?: string }; Returns: Json }
      coaching_context_for_user: {
        Args: { p_lang?: string; p_user_id: string }
        Returns: Json
      }
      complete_onboarding_step: { Args: { p_step: string }; Returns: Json }
      consume_usage: {
        Args: {
          p_idempotency_key: string
          p_metric_type: string
          p_quantity: number
        }
        Returns: Json
      }
      dismiss_tour: { Args: Record<PropertyKey, never>; Returns: Json }
      enroll_in_learning_path: {
        Args: { p_path_id: string }
        Returns: {
          completed_at: string | null
          enrolled_at: string
          id: string
          learning_path_id: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "learning_path_enrollments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      erase_user: {
        Args: { p_request_id?: string; p_user_id: string }
        Returns: Json
      }
      export_my_data: { Args: Record<PropertyKey, never>; Returns: Json }
      feature_enabled: { Args: { p_flag_key: string }; Returns: boolean }
      finish_ingestion_job: {
        Args: { p_error?: string; p_job_id: string; p_status: string }
        Returns: undefined
      }
      get_lesson: {
        Args: { p_lesson_id: string }
        Returns: {
          attachments: Json
          audio_url: string
          content_en: string
          content_fr: string
          course_id: string
          duration_minutes: number
          id: string
          lesson_type: string
          min_time_seconds: number
          order_index: number
          pass_threshold: number
          quiz: Json
          requires_completion: boolean
          title_en: string
          title_fr: string
          tribunal_case_id: string
          video_url: string
        }[]
      }
      get_resource_file: { Args: { p_resource_id: string }; Returns: string }
      hybrid_search_tribunal_cases: {
        Args: {
          p_anti_black_only?: boolean
          p_discrimination_types?: string[]
          p_full_text_weight?: number
          p_lang?: string
          p_match_count?: number
          p_outcomes?: string[]
          p_precedent_values?: string[]
          p_protected_grounds?: string[]
          p_query: string
          p_query_embedding: string
          p_race_categories?: string[]
          p_semantic_weight?: number
          p_tribunals?: string[]
          p_year_from?: number
          p_year_to?: number
        }
        Returns: {
          case_number: string
          decision_date: string
          full_text_rank: number
          id: string
          is_anti_black_specific: boolean
          outcome: string
          precedent_value: string
          score: number
          semantic_rank: number
          snippet: string
          title: string
          tribunal: string
          year: number
        }[]
      }
      invite_member: {
        Args: { p_email: string; p_role?: string; p_team_id?: string }
        Returns: Json
      }
      leaderboard: {
        Args: {
          p_limit?: number
          p_offset?: number
          p_period?: string
          p_scope?: string
        }
        Returns: {
          display_name: string
          level: number
          points: number
          rank: number
        }[]
      }
      leave_organization: {
        Args: Record<PropertyKey, never>
        Returns: undefined
      }
      mark_notification_read: {
        Args: { p_notification_id: string }
        Returns: undefined
      }
      match_tribunal_cases: {
        Args: {
          p_anti_black_only?: boolean
          p_discrimination_types?: string[]
          p_match_count?: number
          p_min_similarity?: number
          p_outcomes?: string[]
          p_precedent_values?: string[]
          p_protected_grounds?: string[]
          p_query_embedding: string
          p_race_categories?: string[]
          p_tribunals?: string[]
          p_year_from?: number
          p_year_to?: number
        }
        Returns: {
          case_number: string
          decision_date: string
          id: string
          is_anti_black_specific: boolean
          outcome: string
          precedent_value: string
          similarity: number
          summary_en: string
          summary_fr: string
          title: string
          tribunal: string
          year: number
        }[]
      }
      move_member_to_team: {
        Args: { p_team_id: string; p_user_id: string }
        Returns: undefined
      }
      my_dashboard: { Args: { p_lang?: string }; Returns: Json }
      my_learning_paths: {
        Args: { p_lang?: string }
        Returns: {
          completed_at: string
          completion_percentage: number
          courses_completed: number
          courses_total: number
          enrolled_at: string
          learning_path_id: string
          next_course_available: boolean
          next_course_id: string
          next_course_title: string
          slug: string
          title: string
        }[]
      }
      my_onboarding: { Args: { p_lang?: string }; Returns: Json }
      my_org_analytics: {
        Args: Record<PropertyKey, never>
        Returns: {
          active_learners: number | null
          avg_completion: number | null
          name: string | null
          org_total_points: number | null
          organization_id: string | null
          total_certificates: number | null
          total_users: number | null
        }[]
        SetofOptions: {
          from: "*"
          to: "org_analytics"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      org_audit_trail: {
        Args: {
          p_before?: string
          p_before_id?: string
          p_limit?: number
          p_organization_id?: string
        }
        Returns: {
          action: string
          changes: Json | null
          compliance_relevant: boolean
          erased_at: string | null
          id: string
          ip_address: unknown
          organization_id: string | null
          resource_id: string | null
          resource_type: string
          retention_until: string
          severity: string | null
          timestamp: string
          user_agent: string | null
          user_email: string | null
          user_id: string | null
          user_role: string | null
        }[]
        SetofOptions: {
          from: "*"
          to: "audit_logs"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      org_directory: {
        Args: Record<PropertyKey, never>
        Returns: {
          avatar_url: string
          full_name: string
          id: string
          role: string
          team_id: string
        }[]
      }
      pending_auth_deletions: {
        Args: Record<PropertyKey, never>
        Returns: {
          request_id: string
          requested_at: string
          user_id: string
        }[]
      }
      promote_raw_case: { Args: { p_raw_case_id: string }; Returns: string }
      rate_coaching_session: {
        Args: {
          p_feedback?: string
          p_helpful?: boolean
          p_id: string
          p_rating?: number
        }
        Returns: {
          ai_model: string | null
          ai_prompt: string | null
          ai_response: string
          created_at: string
          id: string
          recommended_actions: Json | null
          recommended_courses: string[]
          session_type: string
          updated_at: string
          user_context: Json | null
          user_feedback: string | null
          user_id: string
          user_query: string | null
          user_rating: number | null
          was_helpful: boolean | null
        }
        SetofOptions: {
          from: "*"
          to: "ai_coaching_sessions"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      recommend_courses: {
        Args: { p_lang?: string; p_limit?: number }
        Returns: {
          category: string
          course_id: string
          description: string
          estimated_hours: number
          level: string
          reason: string
          similarity: number
          slug: string
          tier_required: string
          title: string
        }[]
      }
      reconcile_stripe_subscription: {
        Args: { p_fetched_at?: string; p_subscription: Json }
        Returns: Json
      }
      record_audit_event: {
        Args: {
          p_action: string
          p_changes?: Json
          p_compliance_relevant?: boolean
          p_organization_id?: string
          p_resource_id?: string
          p_resource_type: string
          p_severity?: string
        }
        Returns: string
      }
      record_coaching_session: {
        Args: {
          p_ai_model?: string
          p_ai_prompt?: string
          p_ai_response: string
          p_recommended_actions?: Json
          p_recommended_courses?: string[]
          p_request_key: string
          p_session_type: string
          p_user_context?: Json
          p_user_id: string
          p_user_query?: string
        }
        Returns: {
          ai_model: string | null
          ai_prompt: string | null
          ai_response: string
          created_at: string
          id: string
          recommended_actions: Json | null
          recommended_courses: string[]
          session_type: string
          updated_at: string
          user_context: Json | null
          user_feedback: string | null
          user_id: string
          user_query: string | null
          user_rating: number | null
          was_helpful: boolean | null
        }
        SetofOptions: {
          from: "*"
          to: "ai_coaching_sessions"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      record_first_search: { Args: Record<PropertyKey, never>; Returns: Json }
      record_lesson_progress: {
        Args: {
          p_completed: boolean
          p_lesson_id: string
          p_time_spent_seconds: number
        }
        Returns: {
          bookmarked: boolean
          completed_at: string | null
          completion_percentage: number
          course_id: string
          created_at: string
          id: string
          last_accessed: string
          lesson_id: string | null
          lessons_completed: number
          notes: string | null
          organization_id: string | null
          quiz_attempts: number
          quiz_best_score: number | null
          quiz_last_score: number | null
          quiz_passed: boolean
          started_at: string
          time_spent_seconds: number
          total_lessons: number | null
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "progress"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      record_privacy_incident: {
        Args: {
          p_became_known_at: string
          p_circumstances: string
          p_commission_notified_at?: string
          p_corrects_id?: string
          p_information_concerned: string
          p_measures_taken: string
          p_notices?: Json
          p_occurred_approximate?: boolean
          p_occurred_from: string
          p_occurred_until?: string
          p_organization_id?: string
          p_persons_approximate?: boolean
          p_persons_concerned: number
          p_persons_notified_at?: string
          p_risk_assessment: string
          p_serious_risk: boolean
        }
        Returns: string
      }
      record_raw_case: {
        Args: {
          p_ai_classification?: Json
          p_case_number?: string
          p_decision_date?: string
          p_job_id: string
          p_raw_html?: string
          p_raw_text?: string
          p_rule_based_classification?: Json
          p_scraper_version?: string
          p_source_url: string
          p_title?: string
          p_tribunal?: string
        }
        Returns: {
          created: boolean
          raw_case_id: string
        }[]
      }
      record_resource_download: {
        Args: { p_resource_id: string }
        Returns: number
      }
      record_saved_search_use: { Args: { p_id: string }; Returns: number }
      record_usage: {
        Args: {
          p_idempotency_key: string
          p_metric_type: string
          p_occurred_at?: string
          p_organization_id: string
          p_quantity: number
        }
        Returns: Json
      }
      reissue_invitation: { Args: { p_invitation_id: string }; Returns: Json }
      related_cases_for_lesson: {
        Args: { p_lesson_id: string; p_limit?: number }
        Returns: {
          case_number: string
          decision_date: string
          id: string
          is_anti_black_specific: boolean
          outcome: string
          similarity: number
          title: string
          tribunal: string
          year: number
        }[]
      }
      related_tribunal_cases: {
        Args: { p_case_id: string; p_limit?: number }
        Returns: {
          case_number: string
          decision_date: string
          id: string
          is_anti_black_specific: boolean
          outcome: string
          precedent_value: string
          similarity: number
          title: string
          tribunal: string
          year: number
        }[]
      }
      remove_member: { Args: { p_user_id: string }; Returns: undefined }
      request_privacy_action: {
        Args: { p_details?: string; p_kind: string }
        Returns: Json
      }
      retention_schedule: {
        Args: Record<PropertyKey, never>
        Returns: {
          action: string
          applied_by: string
          data_kind: string
          keep_for: string
          reason: string
          starts_at: string
        }[]
      }
      review_raw_case: {
        Args: {
          p_decision: string
          p_duplicate_of?: string
          p_raw_case_id: string
          p_reason?: string
        }
        Returns: undefined
      }
      revoke_badge: {
        Args: { p_badge_id: string; p_user_id: string }
        Returns: {
          badge_id: string
          revoked: boolean
          user_id: string
        }[]
      }
      revoke_certificate: {
        Args: { p_certificate_id: string; p_reason: string }
        Returns: {
          certificate_number: string
          completion_time_hours: number | null
          course_id: string
          course_title_en: string | null
          course_title_fr: string | null
          created_at: string
          expiry_date: string | null
          final_score: number | null
          holder_name: string | null
          id: string
          issued_date: string
          organization_id: string | null
          pdf_url: string | null
          revoked_at: string | null
          revoked_reason: string | null
          status: string
          user_id: string
          verification_code: string
          verification_url: string | null
        }
        SetofOptions: {
          from: "*"
          to: "certificates"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      revoke_invitation: {
        Args: { p_invitation_id: string }
        Returns: undefined
      }
      revoke_seat: { Args: { p_seat_id: string }; Returns: undefined }
      run_saved_search: {
        Args: { p_cursor?: string; p_id: string; p_limit?: number }
        Returns: {
          case_number: string
          cursor: string
          decision_date: string
          discrimination_type: string[]
          id: string
          is_anti_black_specific: boolean
          outcome: string
          precedent_value: string
          protected_ground: string[]
          rank: number
          snippet: string
          title: string
          total_count: number
          tribunal: string
          year: number
        }[]
      }
      search_tribunal_case_facets: {
        Args: {
          p_anti_black_only?: boolean
          p_discrimination_types?: string[]
          p_lang?: string
          p_outcomes?: string[]
          p_precedent_values?: string[]
          p_protected_grounds?: string[]
          p_query: string
          p_race_categories?: string[]
          p_tribunals?: string[]
          p_year_from?: number
          p_year_to?: number
        }
        Returns: {
          case_count: number
          facet: string
          value: string
        }[]
      }
      search_tribunal_cases: {
        Args: {
          p_anti_black_only?: boolean
          p_cursor?: string
          p_discrimination_types?: string[]
          p_lang?: string
          p_limit?: number
          p_outcomes?: string[]
          p_precedent_values?: string[]
          p_protected_grounds?: string[]
          p_query: string
          p_race_categories?: string[]
          p_tribunals?: string[]
          p_year_from?: number
          p_year_to?: number
        }
        Returns: {
          case_number: string
          cursor: string
          decision_date: string
          discrimination_type: string[]
          id: string
          is_anti_black_specific: boolean
          outcome: string
          precedent_value: string
          protected_ground: string[]
          rank: number
          snippet: string
          title: string
          total_count: number
          tribunal: string
          year: number
        }[]
      }
      seat_usage: {
        Args: Record<PropertyKey, never>
        Returns: {
          active_last_30_days: number
          assigned: number
          available: number
          bought: number
          reserved: number
          suspended: number
        }[]
      }
      start_course: {
        Args: { p_course_id: string }
        Returns: {
          bookmarked: boolean
          completed_at: string | null
          completion_percentage: number
          course_id: string
          created_at: string
          id: string
          last_accessed: string
          lesson_id: string | null
          lessons_completed: number
          notes: string | null
          organization_id: string | null
          quiz_attempts: number
          quiz_best_score: number | null
          quiz_last_score: number | null
          quiz_passed: boolean
          started_at: string
          time_spent_seconds: number
          total_lessons: number | null
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "progress"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      start_ingestion_job: {
        Args: { p_job_type?: string; p_source_id: string }
        Returns: string
      }
      submit_quiz: {
        Args: { p_answers: Json; p_lesson_id: string }
        Returns: {
          passed: boolean
          score: number
        }[]
      }
      usage_summary: {
        Args: { p_period_start?: string }
        Returns: {
          hard_limit: boolean
          metric_type: string
          period_end: string
          period_limit: number
          period_start: string
          remaining: number
          used: number
        }[]
      }
      verify_certificate: {
        Args: { p_certificate_number: string; p_verification_code: string }
        Returns: {
          course_title_en: string
          course_title_fr: string
          expiry_date: string
          holder_name: string
          issued_date: string
          status: string
        }[]
      }
      withdraw_privacy_request: {
        Args: { p_request_id: string }
        Returns: undefined
      }
    }
    Enums: {
      [_ in never]: never
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {},
  },
} as const

